/* 报告自查: the course's report checker (scripts/report_check), run in this browser.
 *
 * Loaded only on the page reporting/self-check/ (scripts/hooks/self_check.py adds it
 * with the addresses of Pyodide and of the checker's bundle). It starts Pyodide from
 * the site's own files, unpacks the bundle (the checker's Python modules and the law
 * texts) and calls scripts.report_check.web, which reads and checks the report with
 * the same code as `python -m scripts report-check`. This script only shows what the
 * checker answers; no rule is written here.
 *
 * The report never leaves the browser: the only requests are for Pyodide's files and
 * the bundle, made while the page loads, before anything is pasted or opened.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("self-check");
  if (!script || !root) {
    return;
  }
  var PYODIDE_URL = new URL(script.getAttribute("data-pyodide"), document.baseURI).href;
  var BUNDLE_URL = new URL(script.getAttribute("data-bundle"), document.baseURI).href;
  var CLI = "python -m scripts report-check 报告文件";

  var form = document.getElementById("sc-form");
  var fields = document.getElementById("sc-fields");
  var text = document.getElementById("sc-text");
  var file = document.getElementById("sc-file");
  var type = document.getElementById("sc-type");
  var status = document.getElementById("sc-status");
  var progress = document.getElementById("sc-progress");
  var error = document.getElementById("sc-error");
  var output = document.getElementById("sc-result");
  var rulesLink = document.getElementById("self-check-rules-page");
  var rulesPage = rulesLink ? rulesLink.href.split("#")[0] : "";

  var facts = null;     // max_bytes, report_types, rule_titles (from the checker)
  var checker = null;   // scripts.report_check.web, once loaded
  var last = null;      // function that repeats the last check (when the type changes)
  var summary = "";     // the checker's readable report, for copy and download
  var checkedName = "";

  function setStatus(message) {
    status.textContent = message;
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
    output.hidden = true;
  }

  function clearError() {
    error.hidden = true;
    error.textContent = "";
  }

  var waiting = false;   // a check is waiting for the checker to load

  function step(value, message) {
    progress.value = value;
    setStatus(message + (waiting ? "加载完成后立即检查。" : ""));
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("无法加载 " + src)); };
      document.head.appendChild(tag);
    });
  }

  var ready;
  if (window.location.protocol === "file:") {
    fields.disabled = true;
    progress.hidden = true;
    setStatus("从磁盘打开的离线版不能运行报告自查：请使用内网网站上的本页，或在命令行运行 " + CLI + "。");
    return;
  }
  ready = (async function () {
    step(1, "正在加载检查程序（第一次打开约需几秒钟，之后会快很多）……");
    // The checker's bundle downloads while Pyodide starts.
    var bundle = fetch(BUNDLE_URL).then(function (response) {
      if (!response.ok) {
        throw new Error("无法加载检查规则（" + response.status + "）");
      }
      return response.arrayBuffer();
    });
    bundle.catch(function () {});  // reported when awaited below
    await loadScript(PYODIDE_URL + "pyodide.js");
    step(2, "正在启动 Python 运行环境……");
    var pyodide = await window.loadPyodide({ indexURL: PYODIDE_URL });
    step(3, "正在载入检查规则……");
    pyodide.unpackArchive(await bundle, "zip", { extractDir: "/home/pyodide/course" });
    pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/course')");
    checker = pyodide.pyimport("scripts.report_check.web");
    facts = JSON.parse(checker.page_facts());
    checker.warm_up();
    progress.value = 4;
    progress.hidden = true;
    setStatus("检查程序已就绪：粘贴报告全文后按“检查”，或打开报告文件。");
  })();
  ready.catch(function (err) {
    progress.hidden = true;
    setStatus("");
    showError("检查程序没有加载成功（" + (err && err.message ? err.message : err) + "）：请刷新页面重试，或在命令行运行 " + CLI + "。");
  });

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") {
        node.textContent = attrs[key];
      } else {
        node.setAttribute(key, attrs[key]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function where(unit, first, last) {
    if (!first) {
      return "";
    }
    return first === last ? "第" + first + unit : "第" + first + "—" + last + unit;
  }

  function lineLink(unit, n) {
    return n ? el("a", { href: "#sc-line-" + n, text: "第" + n + unit }) : document.createTextNode("全文");
  }

  function render(answer) {
    var result = answer.result;
    var unit = result.unit;
    summary = answer.summary;
    output.textContent = "";
    var counts = result.counts;
    output.appendChild(el("h2", { id: "sc-result-heading", tabindex: "-1", text: "检查结果" }));
    output.appendChild(el("p", { class: "sc-summary", text:
      "类型：" + result.report_type_name + "　标题：" + result.title + "　共" + result.lines + unit +
      "（" + result.encoding + "）。错误 " + counts["错误"] + " 个，建议 " + counts["建议"] + " 个。" }));

    output.appendChild(el("h3", { text: "必备内容" }));
    var elements = el("tbody");
    result.elements.forEach(function (item) {
      elements.appendChild(el("tr", { class: "sc-element", "data-status": item.status }, [
        el("td", { text: item.status }),
        el("td", { text: item.title }),
        el("td", {}, [item.first_line ? el("a", { href: "#sc-line-" + item.first_line, text: where(unit, item.first_line, item.last_line) }) : ""]),
        el("td", { text: item.note }),
      ]));
    });
    output.appendChild(el("table", { class: "sc-elements" }, [
      el("caption", { text: "必备内容及位置" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "情况" }), el("th", { scope: "col", text: "必备内容" }),
        el("th", { scope: "col", text: "位置" }), el("th", { scope: "col", text: "说明" })])]),
      elements,
    ]));

    output.appendChild(el("h3", { text: "问题" }));
    var flagged = {};
    if (!result.findings.length) {
      output.appendChild(el("p", { text: "没有发现问题。" }));
    } else {
      var rows = el("tbody");
      result.findings.forEach(function (f, i) {
        if (f.line) {
          (flagged[f.line] = flagged[f.line] || []).push(f.rule);
        }
        var rule = el("a", { href: rulesPage + "#" + f.rule.toLowerCase(), text: f.rule });
        rows.appendChild(el("tr", { class: "sc-finding", id: "sc-finding-" + (i + 1), "data-rule": f.rule, "data-line": String(f.line),
          "data-severity": f.severity }, [
          el("td", {}, [lineLink(unit, f.line)]),
          el("td", { class: "sc-severity", text: f.severity }),
          el("td", {}, [rule, " " + (facts.rule_titles[f.rule] || "")]),
          el("td", { class: "sc-message", text: f.message }),
          el("td", { class: "sc-suggestion", text: f.suggestion }),
        ]));
      });
      output.appendChild(el("table", { class: "sc-findings" }, [
        el("caption", { text: "问题清单：位置链接到下面的报告原文，规则编号链接到规则说明" }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "位置" }), el("th", { scope: "col", text: "类别" }),
          el("th", { scope: "col", text: "规则" }), el("th", { scope: "col", text: "问题" }), el("th", { scope: "col", text: "修改建议" })])]),
        rows,
      ]));
    }

    output.appendChild(el("div", { class: "sc-actions" }, [
      el("button", { type: "button", class: "md-button", id: "sc-copy", text: "复制检查结果" }),
      el("button", { type: "button", class: "md-button", id: "sc-download", text: "下载检查结果（.txt）" }),
    ]));

    output.appendChild(el("h3", { text: "报告原文（按" + unit + "编号）" }));
    var list = el("ol", { class: "sc-lines", "aria-label": "报告原文" });
    answer.lines.forEach(function (line, i) {
      var n = i + 1;
      var item = el("li", { id: "sc-line-" + n, value: String(n) }, [line]);
      if (flagged[n]) {
        item.className = "sc-flagged";
        item.appendChild(el("span", { class: "sc-line-rules", text: " ← " + flagged[n].join("、") }));
      }
      list.appendChild(item);
    });
    output.appendChild(el("div", { class: "sc-report", tabindex: "0", role: "region", "aria-label": "报告原文" }, [list]));

    output.hidden = false;
    document.getElementById("sc-copy").addEventListener("click", copySummary);
    document.getElementById("sc-download").addEventListener("click", downloadSummary);
    setStatus("已检查“" + result.file + "”：错误 " + counts["错误"] + " 个，建议 " + counts["建议"] + " 个。");
    output.querySelector("h2").focus();
  }

  async function run(read) {
    clearError();
    last = read;
    try {
      if (!checker && !waiting) {
        waiting = true;
        setStatus(status.textContent + "加载完成后立即检查。");
      }
      await ready;
    } catch (err) {
      return; // the loading error is already shown
    } finally {
      waiting = false;
    }
    var answer = JSON.parse(await read());
    if (answer.error) {
      setStatus("");
      showError(answer.error);
      return;
    }
    render(answer);
  }

  function selectedType() {
    return type.value || null;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var pasted = text.value;
    checkedName = "粘贴的文本";
    run(function () { return checker.check_text(pasted, selectedType()); });
  });

  file.addEventListener("change", function () {
    var chosen = file.files && file.files[0];
    if (!chosen) {
      return;
    }
    checkedName = chosen.name;
    // Cleared, so that opening the same file again (after editing it) checks it again.
    file.value = "";
    run(async function () {
      // One byte more than the limit is enough for the checker to say the file is too large.
      var data = new Uint8Array(await chosen.slice(0, facts.max_bytes + 1).arrayBuffer());
      return checker.check_data(data, chosen.name, selectedType());
    });
  });

  type.addEventListener("change", function () {
    if (last) {
      run(last);
    }
  });

  function copySummary() {
    var done = function () { setStatus("检查结果已复制，可以粘贴到 Word 或 WPS 中。"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(summary).then(done, fallback);
    } else {
      fallback();
    }
    function fallback() {
      var area = el("textarea", { class: "sc-copy-buffer", "aria-hidden": "true", tabindex: "-1" });
      area.value = summary;
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      document.getElementById("sc-copy").focus();
      if (ok) {
        done();
      } else {
        setStatus("浏览器不允许复制：请用“下载检查结果”保存为文本文件。");
      }
    }
  }

  function downloadSummary() {
    // With a byte-order mark, Notepad on older Windows opens the UTF-8 text correctly.
    var blob = new Blob(["\ufeff" + summary], { type: "text/plain;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: checkedName.replace(/\.[^.]*$/, "") + "-检查结果.txt" });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    setStatus("检查结果已下载。");
  }
})();
