/*
 * Search worker of the course (replaces Material's lunr worker; same messages).
 *
 * Messages from Material's page script: {type: 0, data: {config, docs}} (set-up),
 * {type: 2, data: query}; answers {type: 1} (ready) and {type: 3, data: {items}}.
 * On the served site the set-up carries no documents (search/search_index.json is
 * a stub): the index, search/course-index.json, is fetched when the reader starts
 * to search (course-search-start.js posts "start" on the "xinfang-search" channel)
 * or at the first query. The offline folder passes the whole index in the set-up.
 *
 * A query is read the way the index was written (scripts/search/index.py):
 * 1. an article label (第三十四条, 第34条, 34条, 条例第三十四条) puts that article first;
 * 2. colloquial words are looked up in the reviewed synonyms (longest first);
 * 3. numbers stay with their units (15日内 -> 15日; 15天 -> 15日);
 * 4. Chinese runs are cut with jieba's algorithm (maximum-probability route over
 *    the dictionary of the index), so whole dictionary words come out whole.
 * Entries are scored on where the words occur (title above text, rarer words above
 * common ones, all words above some), plus a bonus when the typed text occurs as is.
 */
"use strict"

var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 }
var UNITS = "个工作日|工作日|小时|学时|日|天|人|年|月|条|项|种|个|次|分|款|题"
var NUMBER_RE = new RegExp("(\\d+(?:\\.\\d+)?)(" + UNITS + ")?", "g")
var CN_DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 }
var CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
var LABEL_RE = /^(?:《?信访工作条例》?|条例)?第?([0-9]{1,3}|[一二三四五六七八九十百零〇两]{1,6})条$/
var SPLIT_RE = /[\s,，。.？?！!、；;：:“”"'‘’（）()《》<>【】\[\]\/\\|·…—-]+/

var index = null        // prepared index, see prepare()
var loading = null      // promise of the prepared index
var indexUrl = null

/* ---------------------------------------------------------------- numbers */

function cnToInt(text) {
  if (/^\d+$/.test(text)) return parseInt(text, 10)
  var total = 0, current = 0
  for (var i = 0; i < text.length; i++) {
    var ch = text.charAt(i)
    if (ch === "百") { total += (current || 1) * 100; current = 0 }
    else if (ch === "十") { total += (current || 1) * 10; current = 0 }
    else current = CN_DIGITS[ch]
  }
  return total + current
}

function intToCn(n) {
  var hundreds = Math.floor(n / 100), rest = n % 100, tens = Math.floor(rest / 10), ones = rest % 10
  var out = ""
  if (hundreds) { out += CN[hundreds] + "百"; if (rest && !tens) out += "零" }
  if (tens) out += (tens === 1 && !hundreds ? "" : CN[tens]) + "十"
  if (ones) out += CN[ones]
  return out
}

/** Article number of a query that is an article label, else 0. */
function articleLabel(query) {
  var m = LABEL_RE.exec(query.replace(/\s+/g, ""))
  if (!m) return 0
  var n = cnToInt(m[1])
  return n > 0 && n < 1000 ? n : 0
}

/* ----------------------------------------------------------- segmentation */

/** jieba's cut without HMM over `dict` (word -> count) and `logTotal`: the DAG of
 *  dictionary words, then the route of highest summed log probability (ties: the
 *  longer word), as jieba.Tokenizer.calc. */
function cut(sentence, dict, logTotal, maxLen) {
  var n = sentence.length, route = new Array(n + 1)
  route[n] = [0, 0]
  for (var i = n - 1; i >= 0; i--) {
    var best = null
    for (var j = i; j < n && j < i + maxLen; j++) {
      var word = sentence.slice(i, j + 1)
      var count = dict.get(word)
      if (j > i && !count) continue
      var score = Math.log(count || 1) - logTotal + route[j + 1][0]
      if (best === null || score > best[0] || (score === best[0] && j > best[1])) best = [score, j]
    }
    route[i] = best
  }
  var words = []
  for (var x = 0; x < n;) {
    var y = route[x][1] + 1
    words.push(sentence.slice(x, y))
    x = y
  }
  return words
}

function normalize(text) {
  return String(text).normalize("NFKC").toLowerCase()
}

/** The words of a query: [{word, alts: [statutory words], typed}] (see the header). */
function queryWords(query, ix) {
  var groups = [], seen = {}
  function add(word, alts) {
    if (!word || seen[word]) return
    seen[word] = true
    groups.push({ word: word, alts: alts || [] })
  }
  var chunks = normalize(query).split(SPLIT_RE)
  for (var c = 0; c < chunks.length; c++) {
    var chunk = chunks[c]
    if (!chunk) continue
    // Synonyms: longest key first, anywhere in the chunk, unless the statutory word was typed.
    for (var k = 0; k < ix.synonymKeys.length; k++) {
      var key = ix.synonymKeys[k]
      var at = chunk.indexOf(key)
      var statutory = ix.synonyms[key].some(function (to) { return chunk.indexOf(normalize(to)) >= 0 })
      if (at >= 0 && !statutory) {
        add(key, ix.synonyms[key])
        chunk = chunk.slice(0, at) + " " + chunk.slice(at + key.length)
      }
    }
    // Numbers with their units.
    chunk = chunk.replace(NUMBER_RE, function (_, number, unit) {
      add(number + (unit === "天" ? "日" : unit || ""))
      return " "
    })
    var runs = chunk.split(/\s+/)
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r]
      if (!run) continue
      if (!/[\u4e00-\u9fff]/.test(run)) { add(run); continue }
      var parts = run.split(/([^\u4e00-\u9fff]+)/)
      for (var p = 0; p < parts.length; p++) {
        if (!parts[p]) continue
        if (!/[\u4e00-\u9fff]/.test(parts[p])) { add(parts[p]); continue }
        var words = cut(parts[p], ix.dict, ix.logTotal, ix.maxLen)
        // Single characters left between words: keep a run of them together.
        var buf = ""
        for (var w = 0; w <= words.length; w++) {
          var word = words[w]
          if (word !== undefined && word.length === 1) { buf += word; continue }
          if (buf) { if (!ix.stop.has(buf)) add(buf); buf = "" }
          if (word !== undefined && !ix.stop.has(word)) add(word)
        }
      }
    }
  }
  // Drop lone characters when there are real words.
  var long = groups.filter(function (g) { return g.word.length > 1 || g.alts.length })
  return long.length ? long : groups
}

/* ---------------------------------------------------------------- scoring */

function count(haystack, needle) {
  var n = 0, at = haystack.indexOf(needle)
  while (at >= 0) { n++; at = haystack.indexOf(needle, at + needle.length) }
  return n
}

/** Per-word statistics over all entries, cached: {df, tf: Map(doc -> [text, title])}. */
function stats(ix, word) {
  var hit = ix.cache.get(word)
  if (hit) return hit
  var tf = new Map()
  for (var d = 0; d < ix.docs.length; d++) {
    var doc = ix.docs[d]
    var inText = count(doc.normText, word), inTitle = doc.normTitle.indexOf(word) >= 0 ? 1 : 0
    if (inText || inTitle) tf.set(d, [inText, inTitle])
  }
  var n = ix.docs.length, df = tf.size
  hit = { tf: tf, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) }
  if (ix.cache.size > 2000) ix.cache.clear()
  ix.cache.set(word, hit)
  return hit
}

var K1 = 1.2, B = 0.5, TITLE = 2.5, ALT = 0.8

function search(query) {
  var ix = index
  var groups = queryWords(query, ix)
  var label = articleLabel(query)
  if (label) groups.unshift({ word: "第" + intToCn(label) + "条", alts: [] })
  if (!groups.length) return { items: [] }

  var scores = new Map(), matched = new Map()
  var totalIdf = 0
  for (var g = 0; g < groups.length; g++) {
    var group = groups[g]
    var members = [[group.word, 1]].concat(group.alts.map(function (a) { return [normalize(a), ALT] }))
    var groupIdf = 0
    for (var m = 0; m < members.length; m++) {
      var word = members[m][0], weight = members[m][1]
      var st = stats(ix, word)
      if (st.tf.size) groupIdf = Math.max(groupIdf, st.idf * (m === 0 ? 1 : weight))
      st.tf.forEach(function (tf, d) {
        var doc = ix.docs[d]
        var norm = tf[0] * (K1 + 1) / (tf[0] + K1 * (1 - B + B * doc.length / ix.avgLength))
        var s = st.idf * weight * (norm + TITLE * tf[1])
        scores.set(d, (scores.get(d) || 0) + s)
        var seen = matched.get(d) || matched.set(d, new Map()).get(d)
        seen.set(g, (seen.get(g) || 0) + st.idf)
        var words = seen.words || (seen.words = [])
        words.push(word)
      })
    }
    group.idf = groupIdf
    totalIdf += groupIdf
  }

  var typed = normalize(query).replace(/[\s?？。!！]+/g, "")
  var articleLocation = label ? ix.law + "#art-" + label : null
  var results = []
  scores.forEach(function (score, d) {
    var doc = ix.docs[d]
    var seen = matched.get(d)
    var covered = 0
    seen.forEach(function (_, g) { covered += groups[g].idf })
    var coverage = totalIdf ? covered / totalIdf : 1
    score = score * coverage * coverage
    if (typed.length > 1 && doc.normTitle === typed) score *= 3
    else if (typed.length > 1 && doc.normTitle.indexOf(typed) >= 0) score *= 2
    else if (typed.length > 2 && doc.normText.indexOf(typed) >= 0) score *= 1.5
    score *= doc.boost
    if (doc.location === articleLocation) score += 1e6
    results.push({ d: d, score: score, words: seen.words })
  })
  results.sort(function (a, b) { return b.score - a.score })

  // Group by page, best page first; every group has its page entry (Material renders it as the heading).
  var pages = new Map()
  for (var r = 0; r < results.length; r++) {
    var res = results[r], doc = ix.docs[res.d]
    var list = pages.get(doc.page) || pages.set(doc.page, []).get(doc.page)
    list.push(item(doc, res.score, res.words, groups))
  }
  var items = []
  pages.forEach(function (list, page) {
    if (!list.some(function (it) { return it.location === page })) {
      var article = ix.byLocation.get(page)
      if (article) list.push(item(article, 0, [], groups, true))
    }
    items.push(list)
  })
  return { items: items }
}

/* ---------------------------------------------------------------- snippets */

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/** `text` with every occurrence of `words` (normalized) wrapped in <mark>, HTML-escaped. */
function mark(text, words) {
  var norm = normalize(text)
  if (norm.length !== text.length) norm = text.toLowerCase()
  var flags = new Uint8Array(text.length)
  for (var w = 0; w < words.length; w++) {
    var word = words[w]
    if (!word) continue
    for (var at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + word.length))
      for (var i = at; i < at + word.length; i++) flags[i] = 1
  }
  var out = "", open = false
  for (var j = 0; j < text.length; j++) {
    if (flags[j] && !open) { out += "<mark>"; open = true }
    if (!flags[j] && open) { out += "</mark>"; open = false }
    out += escapeHtml(text.charAt(j))
  }
  return out + (open ? "</mark>" : "")
}

/** The sentence of `doc` holding most (rarest) matched words, shortened around the first match. */
function snippet(doc, words) {
  var sentences = doc.sentences
  var best = -1, bestScore = 0
  for (var s = 0; s < sentences.length; s++) {
    var norm = normalize(sentences[s]), score = 0, found = {}
    for (var w = 0; w < words.length; w++)
      if (!found[words[w]] && norm.indexOf(words[w]) >= 0) { found[words[w]] = 1; score += 1 + words[w].length / 10 }
    if (score > bestScore) { best = s; bestScore = score }
  }
  if (best < 0) best = 0
  var text = sentences[best] || ""
  if (text.length < 16 && sentences[best + 1]) text += sentences[best + 1]
  var limit = 120
  if (text.length > limit) {
    var first = text.length
    var norm = normalize(text)
    for (var i = 0; i < words.length; i++) {
      var at = norm.indexOf(words[i])
      if (at >= 0 && at < first) first = at
    }
    var start = Math.max(0, Math.min(first - 30, text.length - limit))
    text = (start > 0 ? "…" : "") + text.slice(start, start + limit) + (start + limit < text.length ? "…" : "")
  }
  return text ? "<p>" + mark(text, words) + "</p>" : ""
}

function item(doc, score, words, groups, bare) {
  var terms = {}
  for (var g = 0; g < groups.length; g++) {
    var group = groups[g]
    var hit = words.indexOf(group.word) >= 0
    var alt = group.alts.filter(function (a) { return words.indexOf(normalize(a)) >= 0 })
    if (hit || alt.length) {
      if (hit) terms[group.word] = true
      for (var a = 0; a < alt.length; a++) terms[alt[a]] = true
    } else if (!bare) {
      terms[group.word] = false
    }
  }
  return {
    location: doc.location,
    title: escapeHtml(doc.title),
    text: bare ? "" : snippet(doc, words),
    score: score,
    terms: terms
  }
}

/* ------------------------------------------------------------------ set-up */

function prepare(data) {
  var course = data.config.course
  var dict = new Map(), maxLen = 1
  var lines = course.dict.split("\n")
  for (var i = 0; i < lines.length; i++) {
    var sp = lines[i].lastIndexOf(" ")
    var word = lines[i].slice(0, sp)
    dict.set(word, parseInt(lines[i].slice(sp + 1), 10))
    if (word.length > maxLen) maxLen = word.length
  }
  var docs = [], byLocation = new Map(), total = 0
  for (var d = 0; d < data.docs.length; d++) {
    var raw = data.docs[d]
    var doc = {
      location: raw.location,
      page: raw.location.split("#")[0],
      title: raw.title,
      text: raw.text,
      normTitle: normalize(raw.title),
      normText: normalize(raw.title + "\n" + raw.text),
      // Whole sentences (a condition after "；" stays with its rule); a question's stem is its title.
      sentences: raw.text.split(/(?<=[。！？\n])/).map(function (s) { return s.trim() })
        .filter(function (s) { return s && "练习题：" + s !== raw.title }),
      length: raw.text.length + raw.title.length,
      boost: raw.boost || 1
    }
    total += doc.length
    docs.push(doc)
    byLocation.set(doc.location, doc)
  }
  var synonyms = {}
  for (var key in course.synonyms) synonyms[normalize(key)] = course.synonyms[key]
  return {
    dict: dict, maxLen: maxLen, logTotal: Math.log(course.total), stop: new Set(course.stop),
    synonyms: synonyms,
    synonymKeys: Object.keys(synonyms).sort(function (a, b) { return b.length - a.length }),
    law: course.law, docs: docs, byLocation: byLocation, avgLength: total / Math.max(1, docs.length),
    cache: new Map()
  }
}

function load() {
  if (!loading)
    loading = fetch(indexUrl)
      .then(function (res) { if (!res.ok) throw new Error("search index: HTTP " + res.status); return res.json() })
      .then(function (data) { index = prepare(data); return index })
  return loading
}


async function handle(message) {
  if (message.type === MESSAGE.SETUP) {
    var data = message.data
    if (data.config && data.config.course && data.docs.length) {
      index = prepare(data)
      loading = Promise.resolve(index)
    } else {
      indexUrl = new URL("../../search/course-index.json", self.location.href).href
    }
    return { type: MESSAGE.READY }
  }
  if (message.type === MESSAGE.QUERY) {
    if (!String(message.data).trim()) return { type: MESSAGE.RESULT, data: { items: [] } }
    try {
      await load()
      return { type: MESSAGE.RESULT, data: search(message.data) }
    } catch (err) {
      loading = null
      console.warn("course search: " + err)
      return { type: MESSAGE.RESULT, data: { items: [] } }
    }
  }
  throw new TypeError("Invalid message type")
}

if (typeof module !== "undefined" && module.exports) {
  // Node (unit tests): the pure functions.
  module.exports = { cut: cut, queryWords: queryWords, articleLabel: articleLabel, intToCn: intToCn,
                     prepare: prepare, search: function (ix, q) { index = ix; return search(q) }, snippet: snippet }
} else {
  try {
    new BroadcastChannel("xinfang-search").onmessage = function () {
      if (indexUrl) load().catch(function () { loading = null })
    }
  } catch (err) { /* file:// (iframe shim): the index comes with the set-up message */ }
  addEventListener("message", async function (ev) {
    postMessage(await handle(ev.data))
  })
}
