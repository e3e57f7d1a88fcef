/*
 * Tells the course's search worker (course-search.js) to fetch the search index
 * once the reader starts to search: the search box gets the focus (click, tap,
 * or Material's search keys f, s, /). Reading a page never loads the index.
 * The channel reaches every open tab of the course: focusing search in one tab
 * also starts the index load in the others (one conditional request each).
 */
(function () {
  var input = document.querySelector("[data-md-component=search-query]")
  if (!input || typeof BroadcastChannel === "undefined" || location.protocol === "file:") return
  function start() {
    try {
      var channel = new BroadcastChannel("xinfang-search")
      channel.postMessage("start")
      channel.close()
    } catch (err) { /* the worker loads the index at the first query instead */ }
  }
  input.addEventListener("focus", start, { once: true })
})()
