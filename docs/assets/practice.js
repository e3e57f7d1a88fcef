/* 学习进度, exams, 每日一练 and 阅卷 (records and formats: assets/records.js).
 *
 * - Every quiz page: each answer (mkdocs-quiz's "quizAnswer" event) goes into the answer
 *   history the 错题本 schedules from.
 * - 学习进度 (#quiz-manifest + #quiz-progress-app): per module and per paper, questions
 *   answered and correct; the 错题本 (due today / later); export, import and clearing.
 * - Paper pages (#exam-app + #grading-data): the exam: 开始考试, countdown with a warning
 *   5 minutes before the end, 交卷 (confirmed when questions are unanswered; automatic at
 *   zero), the result, the 成绩单 with its 成绩码, 重新考试.
 * - 每日一练 (#daily-app + #daily-data): the day's 5 questions and the review due today.
 * - 阅卷 (#grade-app + #grading-data): re-scores a 成绩码.
 *
 * Nothing is sent anywhere; everything stays in this browser.
 */
(function () {
  "use strict";

  var R = window.XinfangRecords;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function button(label, onClick, cls) {
    var b = el("button", { type: "button", class: "md-button " + (cls || ""), text: label });
    b.addEventListener("click", onClick);
    return b;
  }

  function jsonData(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (e) {
      return null;
    }
  }

  function table(head, rows, cls) {
    return el("div", { class: "md-typeset__table" }, [
      el("table", cls ? { class: cls } : {}, [
        el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows.map(function (r) {
          return el("tr", {}, r.map(function (c) { return el("td", {}, [String(c)]); }));
        })),
      ]),
    ]);
  }

  function breakdownRows(rows, points) {
    return rows.map(function (r) {
      return [r.name, r.total, r.correct, r.correct * points + "/" + r.total * points];
    });
  }

  function currentPageKey() {
    var marker = document.querySelector("[data-quiz-page]");
    return marker ? marker.getAttribute("data-quiz-page") : "";
  }

  /* ---- Answer history (every quiz page) ----------------------------------------- */

  function listenForAnswers() {
    window.addEventListener("quizAnswer", function (event) {
      var d = event.detail || {};
      if (typeof d.id !== "string" || d.id.indexOf("q-") !== 0) return;
      R.logAnswer(d.id.slice(2), !!d.correct, typeof d.at === "number" ? d.at : R.now(), currentPageKey());
    });
  }

  /* ---- 学习进度 ------------------------------------------------------------------- */

  // Latest stored answer of each question of a group, over the pages that show it.
  function groupAnswers(group) {
    var stores = [];
    group.pages.forEach(function (key) {
      R.storesOf(key).forEach(function (store) {
        stores.push({ key: store, data: R.readPage(store) });
      });
    });
    var answers = {};
    group.questions.forEach(function (qid) {
      var best = null;
      stores.forEach(function (store) {
        var entry = store.data["q-" + qid];
        if (!entry || !entry.answered) return;
        var at = typeof entry.at === "number" ? entry.at : 0;
        if (!best || at > best.at) best = { at: at, correct: !!entry.correct, page: store.key };
      });
      if (best) answers[qid] = best;
    });
    return answers;
  }

  function summarise(group) {
    var answers = groupAnswers(group);
    var s = { total: group.questions.length, answered: 0, correct: 0, wrong: 0 };
    group.questions.forEach(function (qid) {
      var a = answers[qid];
      if (!a) return;
      s.answered += 1;
      if (a.correct) s.correct += 1;
      else s.wrong += 1;
    });
    return s;
  }

  function pageUrl(manifest, key) {
    return (manifest.pages[R.pageOf(key)] || {}).url || "";
  }

  function reviewItem(manifest, item, due) {
    var q = manifest.questions[item.id] || { type: "", stem: item.id, module: "" };
    // Due questions are redone fresh on 每日一练; later ones link to their 专项练习 to read.
    var home = due ? manifest.dailyPage : "xinfang:practice/bank/" + q.module;
    var where = manifest.pages[home] || manifest.pages[R.pageOf(item.page)] || {};
    var when = due ? "今天复习" : R.chineseDate(R.keyOfDayNumber(item.due)).replace(/^\d+年/, "") + "复习";
    return el("li", { "data-question": item.id, "data-due": R.keyOfDayNumber(item.due) }, [
      el("a", { href: (where.url || "") + "#q-" + item.id }, [
        el("span", { class: "progress-qtype", text: "〔" + q.type + "〕" }),
        q.stem,
      ]),
      el("span", {
        class: "progress-where",
        text: "（" + when + "；第" + (item.step + 1) + "次复习，到期答对" + item.rights + "次）",
      }),
    ]);
  }

  function renderReview(manifest, app) {
    var book = R.reviewBook(manifest.questions);
    app.appendChild(el("h2", { id: "progress-wrong", text: "错题本" }));
    app.appendChild(el("p", {
      text: "答错的题目在答错后第1天回到错题本的“今天复习”，之后每次到期作答，下次间隔依次为3天、7天（以后每7天），" +
        "到期时累计答对2次即移出错题本。还没到期时重做不计入。今天到期的题目在每日一练页面重新作答。",
    }));
    if (!book.due.length && !book.later.length) {
      app.appendChild(el("p", { class: "progress-empty", text: "错题本是空的：目前没有答错的题目。" }));
      return;
    }
    app.appendChild(el("h3", { text: "今天复习（" + book.due.length + "题）" }));
    if (book.due.length) {
      var dailyUrl = (manifest.pages[manifest.dailyPage] || {}).url || "";
      app.appendChild(el("p", {}, ["到", el("a", { href: dailyUrl + "#daily-review", text: "每日一练" }), "的“错题复习”中作答。"]));
      app.appendChild(el("ol", { class: "review-due" }, book.due.map(function (item) {
        return reviewItem(manifest, item, true);
      })));
    } else {
      app.appendChild(el("p", { class: "review-none", text: "今天没有到期的错题。" }));
    }
    if (book.later.length) {
      app.appendChild(el("h3", { text: "以后复习（" + book.later.length + "题）" }));
      app.appendChild(el("ol", { class: "review-later" }, book.later.map(function (item) {
        return reviewItem(manifest, item, false);
      })));
    }
  }

  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 0);
  }

  function renderTransfer(app, rerender) {
    app.appendChild(el("h2", { id: "progress-transfer", text: "导出与导入" }));
    app.appendChild(el("p", {
      text: "把本机的全部记录（各页面的作答、答题历史和错题本、模拟考试、每日一练、成绩单上的姓名）存为一个文件，" +
        "用来备份，或者在另一台电脑、另一个浏览器的本页导入。导入时同一道题以较晚的作答为准，不会删除本机已有的记录。",
    }));
    var status = el("p", { class: "transfer-status", role: "status" });
    var exportButton = button("导出全部记录", function () {
      var data = R.exportRecords();
      download("xinfang-records-" + R.dayKey(R.now()) + ".json", JSON.stringify(data, null, 1));
      status.className = "transfer-status";
      status.textContent = "已导出：文件 xinfang-records-" + R.dayKey(R.now()) + ".json 保存在浏览器的下载位置。";
    }, "transfer-export");
    var input = el("input", { type: "file", accept: ".json,application/json", id: "transfer-file", class: "transfer-file" });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var taken = R.importText(String(reader.result));
          rerender();
          var fresh = document.querySelector(".transfer-status");
          fresh.className = "transfer-status transfer-ok";
          fresh.textContent = "已导入“" + file.name + "”：取用了其中" + taken + "条较新的作答，其他记录已合并。";
        } catch (e) {
          status.className = "transfer-status transfer-error";
          status.textContent = "未导入：" + e.message;
        }
        input.value = "";
      };
      reader.onerror = function () {
        status.className = "transfer-status transfer-error";
        status.textContent = "未导入：无法读取这个文件，请重新选择。";
      };
      reader.readAsText(file);
    });
    app.appendChild(el("div", { class: "transfer-actions" }, [
      exportButton,
      el("label", { for: "transfer-file", class: "transfer-label", text: "导入记录文件：" }),
      input,
    ]));
    app.appendChild(status);
  }

  function renderProgress(manifest, app) {
    app.textContent = "";
    var rerender = function () {
      renderProgress(manifest, app);
    };
    [
      { kind: "module", title: "模块测验与专项练习", first: "模块" },
      { kind: "paper", title: "模拟试卷", first: "试卷" },
    ].forEach(function (section) {
      var groups = manifest.groups.filter(function (g) {
        return g.kind === section.kind;
      });
      if (!groups.length) return;
      app.appendChild(el("h2", { id: "progress-" + section.kind, text: section.title }));
      var head = [section.first, "题数", "已答", "答对", "答错"];
      if (section.kind === "paper") head.push("得分");
      head.push("");
      var tbody = el("tbody");
      groups.forEach(function (group) {
        var s = summarise(group);
        var cells = [
          el("td", { class: "progress-title" }, [el("a", { href: pageUrl(manifest, group.home), text: group.title })]),
          el("td", { "data-label": "题数", text: String(s.total) }),
          el("td", { class: "progress-answered", "data-label": "已答", text: String(s.answered) }),
          el("td", { class: "progress-correct", "data-label": "答对", text: String(s.correct) }),
          el("td", { class: "progress-wrong", "data-label": "答错", text: String(s.wrong) }),
        ];
        if (section.kind === "paper") {
          var points = s.total ? Math.round((s.correct * 100) / s.total) : 0;
          var verdict = s.answered === s.total ? (points >= group.passMark ? "，及格" : "，不及格") : "";
          cells.push(el("td", { class: "progress-score", "data-label": "得分", text: points + "分" + verdict }));
        }
        cells.push(el("td", { class: "progress-actions" }, [
          button("清除", function () {
            if (window.confirm("清除“" + group.title + "”的全部答题记录？")) {
              R.clearAnswers(group.pages, group.questions);
              if (group.kind === "paper") R.writeExam(group.id, null);
              rerender();
            }
          }, "progress-reset"),
        ]));
        tbody.appendChild(el("tr", { "data-group": group.kind + ":" + group.id }, cells));
      });
      var thead = el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { text: h }); }))]);
      // A class of its own: Material wraps every table:not([class]) in scroll boxes of its
      // own when the page loads, which would wrap this one twice (practice.css styles it,
      // as cards on a phone).
      app.appendChild(el("div", { class: "progress-table-wrap" }, [el("table", { class: "progress-table" }, [thead, tbody])]));
    });
    renderReview(manifest, app);
    renderTransfer(app, rerender);
    app.appendChild(el("h2", { id: "progress-reset", text: "清除全部记录" }));
    app.appendChild(el("p", { text: "清除本机浏览器中本课程的全部记录（各模块、专项练习、模拟考试、每日一练和错题本）。清除后不能恢复，需要时先导出。" }));
    app.appendChild(button("清除全部答题记录", function () {
      if (window.confirm("清除本课程的全部答题记录？清除后不能恢复。")) {
        R.clearAll();
        rerender();
      }
    }, "progress-reset"));
  }

  function initProgress() {
    var app = document.getElementById("quiz-progress-app");
    if (!app) return;
    var manifest = jsonData("quiz-manifest");
    if (!manifest) {
      app.textContent = "学习进度数据无法读取。";
      return;
    }
    renderProgress(manifest, app);
  }

  /* ---- Exam ---------------------------------------------------------------------- */

  var WARN_MS = 5 * 60 * 1000;

  function clock(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(s / 60);
    s = s % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function timeText(ms) {
    var d = new Date(ms);
    return R.chineseDate(R.dayKey(ms)) + " " + d.getHours() + ":" + (d.getMinutes() < 10 ? "0" : "") + d.getMinutes();
  }

  function initExam() {
    var app = document.getElementById("exam-app");
    var grading = jsonData("grading-data");
    if (!app || !grading || !grading.exam) return;
    var letter = grading.exam.letter;
    var paper = grading.papers[letter];
    var limit = grading.exam.minutes * 60 * 1000;
    var pageKey = currentPageKey();
    var bottom = document.querySelector(".exam-score[data-exam-paper]");
    // The rules come written in the page (scripts/bank/render.py exam_app_html): the page
    // has its pre-start layout before this script runs, and 开始考试 keeps that wording.
    var rules = app.querySelector(".exam-rules");

    // The paper between #exam-app and the score box becomes one block we can hide.
    var body = el("div", { class: "exam-body", id: "exam-body" });
    while (app.nextSibling && app.nextSibling !== bottom) body.appendChild(app.nextSibling);
    app.parentNode.insertBefore(body, bottom);

    var quizzes = {};
    paper.questions.forEach(function (q) {
      quizzes[q.id] = document.getElementById("q-" + q.id);
    });
    var timer = null;

    function record() {
      return R.readExam(letter);
    }
    function setState(state) {
      document.body.setAttribute("data-exam-state", state);
    }
    function valuesOf(q) {
      var quiz = quizzes[q.id];
      if (!quiz) return [];
      if (q.type === "fill") {
        return Array.prototype.map.call(quiz.querySelectorAll(".quiz-blank-input"), function (i) {
          return i.value;
        });
      }
      return Array.prototype.map.call(quiz.querySelectorAll('input[name="answer"]:checked'), function (i) {
        return i.value;
      });
    }
    function answeredCount(rec) {
      return paper.questions.filter(function (q) {
        return R.digitOf(q, (rec.answers || {})[q.id]) !== 0;
      }).length;
    }
    function setInputs(rec, disabled) {
      paper.questions.forEach(function (q) {
        var quiz = quizzes[q.id];
        if (!quiz) return;
        var values = (rec && rec.answers && rec.answers[q.id]) || [];
        quiz.querySelectorAll("input").forEach(function (input, i) {
          if (q.type === "fill") input.value = values[i] || "";
          else input.checked = values.indexOf(input.value) >= 0;
          input.disabled = disabled;
        });
      });
    }
    function clearMarks() {
      paper.questions.forEach(function (q) {
        var quiz = quizzes[q.id];
        if (!quiz) return;
        quiz.querySelectorAll(".correct, .wrong").forEach(function (n) {
          n.classList.remove("correct", "wrong");
        });
        var section = quiz.querySelector("section.content");
        if (section) section.classList.add("hidden");
        var fb = quiz.querySelector(".quiz-feedback");
        if (fb) {
          fb.classList.add("hidden");
          fb.textContent = "";
        }
        quiz.removeAttribute("data-exam-result");
      });
    }
    function markQuestions(result) {
      result.marked.forEach(function (m) {
        var quiz = quizzes[m.q.id];
        if (!quiz) return;
        quiz.setAttribute("data-exam-result", m.correct ? "correct" : "wrong");
        if (m.q.type === "fill") {
          quiz.querySelectorAll(".quiz-blank-input").forEach(function (input) {
            input.classList.add(m.correct ? "correct" : "wrong");
          });
        } else {
          var options = quiz.querySelectorAll("fieldset > div");
          options.forEach(function (div, pos) {
            var input = div.querySelector("input");
            if (m.q.key.indexOf(pos) >= 0) div.classList.add("correct");
            else if (input && input.checked) div.classList.add("wrong");
          });
        }
        var fb = quiz.querySelector(".quiz-feedback");
        if (fb) {
          fb.classList.remove("hidden");
          fb.textContent = "";
          fb.appendChild(el("div", { class: "quiz-feedback-item " + (m.correct ? "correct" : "incorrect") }, [
            el("div", { class: "quiz-feedback-item-content", text: m.correct ? "答对了。" :
              "答错了。你的答案：" + R.givenText(m.q, m.digit) + "；正确答案：" + m.q.answer + "。" }),
          ]));
        }
        var section = quiz.querySelector("section.content");
        if (section) section.classList.remove("hidden");
      });
    }

    function renderReady() {
      setState("ready");
      clearMarks();
      setInputs(null, true);
      body.hidden = true;
      bottom.textContent = "";
      app.textContent = "";
      app.appendChild(el("div", { class: "exam-panel" }, [
        rules,
        button("开始考试", function () {
          var t = R.now();
          R.writeExam(letter, { state: "running", started: t, deadline: t + limit, answers: {} });
          renderRunning(true);
        }, "md-button--primary exam-start"),
      ]));
    }

    function renderRunning(focusFirst) {
      var rec = record();
      setState("running");
      clearMarks();
      setInputs(rec, false);
      body.hidden = false;
      bottom.textContent = "";
      app.textContent = "";
      var remaining = el("strong", { class: "exam-remaining" });
      var answered = el("span", { class: "exam-answered" });
      var warning = el("p", { class: "exam-warning", role: "alert" });
      var bar = el("div", { class: "exam-bar", role: "region", "aria-label": "考试计时" }, [
        el("span", { class: "exam-clock" }, ["剩余时间 ", remaining]),
        answered,
        button("交卷", function () {
          var r = record();
          var missing = paper.questions.length - answeredCount(r);
          if (missing > 0 && !window.confirm("还有" + missing + "题没有作答，确定交卷吗？交卷后不能再修改。")) return;
          submit(false);
        }, "md-button--primary exam-submit"),
      ]);
      app.appendChild(bar);
      app.appendChild(warning);
      var tick = function () {
        var r = record();
        if (!r || r.state !== "running") return;
        var left = r.deadline - R.now();
        if (left <= 0) {
          submit(true);
          return;
        }
        remaining.textContent = clock(left);
        answered.textContent = "已答 " + answeredCount(r) + "/" + paper.questions.length;
        if (left <= WARN_MS && !bar.classList.contains("exam-bar--warning")) {
          bar.classList.add("exam-bar--warning");
          warning.textContent = "还剩不到5分钟，请检查后交卷；时间到会自动交卷。";
        }
      };
      tick();
      if (timer) clearInterval(timer);
      timer = setInterval(tick, 1000);
      if (focusFirst) {
        var first = body.querySelector(".quiz input");
        if (first) first.focus();
      }
    }

    function onAnswer(event) {
      var quiz = event.target.closest ? event.target.closest(".quiz") : null;
      var rec = record();
      if (!quiz || !rec || rec.state !== "running") return;
      var qid = quiz.id.replace(/^q-/, "");
      var q = paper.questions.filter(function (x) { return x.id === qid; })[0];
      if (!q) return;
      rec.answers[qid] = valuesOf(q);
      R.writeExam(letter, rec);
      var answered = app.querySelector(".exam-answered");
      if (answered) answered.textContent = "已答 " + answeredCount(rec) + "/" + paper.questions.length;
    }
    body.addEventListener("change", onAnswer);
    body.addEventListener("input", onAnswer);
    // Enter in a blank must not submit anything (mkdocs-quiz's form is not used here).
    body.addEventListener("submit", function (e) {
      e.preventDefault();
    }, true);

    function submit(timedOut) {
      var rec = record();
      if (!rec || rec.state !== "running") return;
      if (timer) clearInterval(timer);
      timer = null;
      var at = timedOut ? Math.min(R.now(), rec.deadline) : R.now();
      paper.questions.forEach(function (q) {
        rec.answers[q.id] = valuesOf(q); // the inputs show the record (restored on load)
      });
      rec.state = "submitted";
      rec.submitted = at;
      rec.timedOut = timedOut;
      R.writeExam(letter, rec);
      // The paper's answers as mkdocs-quiz stores them, so 学习进度 and the 错题本 see them.
      var store = {};
      var digits = paper.questions.map(function (q) {
        return R.digitOf(q, rec.answers[q.id]);
      });
      var result = R.scoreDigits(grading, paper, digits);
      result.marked.forEach(function (m) {
        store["q-" + m.q.id] = { answered: true, correct: m.correct, selectedValues: rec.answers[m.q.id] || [], at: at };
        R.logAnswer(m.q.id, m.correct, at, pageKey);
      });
      R.writePage(pageKey, store);
      renderSubmitted(true);
    }

    function renderSubmitted(focus) {
      var rec = record();
      setState("submitted");
      setInputs(rec, true);
      clearMarks();
      body.hidden = false;
      var digits = paper.questions.map(function (q) {
        return R.digitOf(q, rec.answers[q.id]);
      });
      var result = R.scoreDigits(grading, paper, digits);
      markQuestions(result);
      var day = R.dayKey(rec.submitted);
      var code = R.encodeCode(grading, paper, digits, day);
      app.textContent = "";
      var heading = el("h2", { id: "exam-result", tabindex: "-1", text: "考试结果" });
      var verdict = result.passed ? "及格" : "不及格";
      app.appendChild(el("section", { class: "exam-result", "data-result": result.passed ? "pass" : "fail" }, [
        heading,
        el("p", { class: "exam-headline" }, [
          el("strong", { class: "exam-points", text: String(result.points) }),
          el("span", { class: "exam-unit", text: "分" }),
          el("span", { class: "exam-verdict", text: verdict }),
        ]),
        el("p", { class: "exam-summary", text: "答对" + result.correct + "题，共" + result.total + "题（未答" +
          (result.total - result.answered) + "题）；满分" + result.full + "分，" + paper.passMark + "分及格。" +
          (rec.timedOut ? "考试时间到，已自动交卷。" : "") }),
        scoreSheet(grading, paper, result, rec, code),
        wrongList(result),
      ]));
      bottom.textContent = "";
      bottom.appendChild(el("p", {}, [
        "本卷已交卷：" + result.points + "分，" + verdict + "。",
        el("a", { href: "#exam-result", text: "查看考试结果和成绩单" }),
      ]));
      if (focus) {
        heading.focus();
        heading.scrollIntoView({ block: "start" });
      }
    }

    function scoreSheet(grading, paper, result, rec, code) {
      var name = el("input", { type: "text", id: "exam-name", class: "exam-name", autocomplete: "name", maxlength: "20" });
      name.value = R.read(R.NAME_KEY, "") || "";
      name.addEventListener("input", function () {
        R.write(R.NAME_KEY, name.value.trim() ? name.value : "");
      });
      var retake = button("重新考试", function () {
        if (!window.confirm("重新考试会清除本卷的作答和成绩（错题本中的记录保留），确定吗？")) return;
        R.writeExam(letter, null);
        R.writePage(pageKey, {});
        renderReady();
        var start = app.querySelector(".exam-start");
        if (start) start.focus();
      }, "exam-retake");
      return el("section", { class: "exam-sheet", "aria-labelledby": "exam-sheet-title" }, [
        el("h3", { id: "exam-sheet-title", class: "exam-sheet-title", text: "《信访工作条例》" + paper.title + " 成绩单" }),
        el("div", { class: "exam-sheet-fields" }, [
          el("p", {}, [el("label", { for: "exam-name", text: "姓名：" }), name]),
          el("p", { text: "交卷时间：" + timeText(rec.submitted) }),
          el("p", { text: "试卷：" + paper.title + "（" + result.total + "题，满分" + result.full + "分）" }),
          el("p", {}, ["得分：", el("strong", { class: "exam-sheet-points", text: result.points + "分" }),
            "（" + (result.passed ? "及格" : "不及格") + "，" + paper.passMark + "分及格）"]),
        ]),
        el("div", { class: "exam-breakdown" }, [
          el("div", {}, [el("h4", { text: "按题型" }),
            table(["题型", "题数", "答对", "得分"], breakdownRows(result.byType, paper.points), "exam-by-type")]),
          el("div", {}, [el("h4", { text: "按章节" }),
            table(["章节", "题数", "答对", "得分"], breakdownRows(result.byModule, paper.points), "exam-by-module")]),
        ]),
        el("p", { class: "exam-code-line" }, ["成绩码：", el("code", { class: "exam-code", text: code })]),
        el("p", { class: "exam-code-note", text: "教员核对：在本课程网站的“阅卷”页面输入成绩码，或在项目目录运行 python -m scripts score 成绩码，按题库重新计算得分。" }),
        el("div", { class: "exam-actions" }, [
          button("打印成绩单", function () {
            window.print();
          }, "md-button--primary exam-print"),
          retake,
        ]),
      ]);
    }

    function wrongList(result) {
      var wrong = result.marked.filter(function (m) {
        return !m.correct;
      });
      var box = el("section", { class: "exam-wrong" }, [el("h3", { text: "错题（" + wrong.length + "题）" })]);
      if (!wrong.length) {
        box.appendChild(el("p", { text: "全部答对。" }));
        return box;
      }
      box.appendChild(el("ol", { class: "exam-wrong-list" }, wrong.map(function (m) {
        var quiz = quizzes[m.q.id];
        var section = quiz ? quiz.querySelector("section.content") : null;
        var explanation = el("div", { class: "exam-explanation" });
        if (section) explanation.innerHTML = section.innerHTML;
        return el("li", { value: String(m.q.n), "data-question": m.q.id }, [
          el("p", { class: "exam-wrong-stem" }, [
            el("a", { href: "#q-" + m.q.id, text: "第" + m.q.n + "题" }),
            "〔" + grading.types[m.q.type] + "〕" + m.q.stem,
          ]),
          el("p", { class: "exam-wrong-answer", text: "你的答案：" + R.givenText(m.q, m.digit) + "；正确答案：" + m.q.answer }),
          explanation,
        ]);
      })));
      return box;
    }

    var rec = record();
    if (!rec) renderReady();
    else if (rec.state === "submitted") renderSubmitted(false);
    else if (rec.deadline <= R.now()) {
      renderRunning(false);
      submit(true);
    } else renderRunning(false);
  }

  /* ---- 每日一练 ------------------------------------------------------------------- */

  function initDaily() {
    var app = document.getElementById("daily-app");
    var data = jsonData("daily-data");
    if (!app || !data) return;
    var key = R.dayKey(R.now());
    var ids = R.dailySet(data, key);
    // One store per day, so each day's questions start unanswered (mkdocs-quiz reads this key).
    var marker = document.querySelector("[data-quiz-page]");
    if (marker) marker.setAttribute("data-quiz-page", R.DAILY_PAGE + "/" + key);
    var known = {};
    data.ids.forEach(function (id) {
      known[id] = true;
    });
    var today = {};
    ids.forEach(function (id) {
      today[id] = true;
    });
    var due = R.reviewBook(known).due.filter(function (item) {
      return !today[item.id];
    });

    var status = el("p", { class: "daily-status", role: "status" });
    var setList = el("div", { class: "daily-set" });
    ids.forEach(function (id, i) {
      var quiz = document.getElementById("q-" + id);
      if (!quiz) return;
      var shared = i < data.shared;
      setList.appendChild(el("p", { class: "daily-label" + (shared ? " daily-label--shared" : "") },
        ["第" + (i + 1) + "题　", el("span", { text: shared ? "今日共同题" : "补练题" })]));
      setList.appendChild(quiz);
    });
    var review = el("div", { class: "daily-review-list" });
    due.forEach(function (item) {
      var quiz = document.getElementById("q-" + item.id);
      if (quiz) review.appendChild(quiz);
    });
    app.appendChild(status);
    app.appendChild(el("h2", { id: "daily-today", text: "今日五题（" + R.chineseDate(key) + "）" }));
    app.appendChild(setList);
    app.appendChild(el("h2", { id: "daily-review", text: "错题复习" }));
    app.appendChild(el("p", { text: due.length ? "以下" + due.length + "道题是错题本中今天到期的题目。" : "今天没有到期的错题。" }));
    app.appendChild(review);

    function update() {
      var store = R.readPage(R.DAILY_PAGE + "/" + key);
      var done = ids.filter(function (id) {
        return store["q-" + id] && store["q-" + id].answered;
      }).length;
      var n = R.streak();
      status.textContent = (done === ids.length ? "今天的" + ids.length + "道题已做完。" : "今天已做" + done + "/" + ids.length + "题。") +
        (n ? "已连续完成" + n + "天。" : "做完今天的" + ids.length + "道题，开始连续天数。");
      status.setAttribute("data-streak", String(n));
      status.setAttribute("data-done", String(done));
    }
    update();
    window.addEventListener("quizAnswer", function () {
      setTimeout(update, 0);
    });
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && app.contains(target)) {
        window.addEventListener("load", function () {
          target.scrollIntoView({ block: "start" });
        });
      }
    }
  }

  /* ---- 阅卷 ------------------------------------------------------------------------ */

  function initGrade() {
    var app = document.getElementById("grade-app");
    var grading = jsonData("grading-data");
    if (!app || !grading || grading.exam) return;
    var input = el("input", { type: "text", id: "grade-code", class: "grade-code", autocomplete: "off",
      spellcheck: "false", autocapitalize: "characters", placeholder: "A3K0P-…" });
    var out = el("div", { class: "grade-output", "aria-live": "polite" });
    var form = el("form", { class: "grade-form" }, [
      el("label", { for: "grade-code", text: "成绩码：" }),
      input,
      el("button", { type: "submit", class: "md-button md-button--primary", text: "阅卷" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      out.textContent = "";
      var decoded;
      try {
        decoded = R.decodeCode(grading, input.value);
      } catch (e) {
        out.appendChild(el("p", { class: "grade-error", role: "alert", text: e.message }));
        return;
      }
      var paper = decoded.paper;
      var result = R.scoreDigits(grading, paper, decoded.digits);
      var wrong = result.marked.filter(function (m) {
        return !m.correct;
      });
      out.appendChild(el("section", { class: "grade-result", "data-result": result.passed ? "pass" : "fail" }, [
        el("h2", { id: "grade-result", text: paper.title + "　" + R.chineseDate(decoded.day) + "交卷" }),
        el("p", { class: "grade-score" }, ["得分：", el("strong", { class: "grade-points", text: String(result.points) }),
          "分（答对" + result.correct + "题，共" + result.total + "题，每题" + paper.points + "分），",
          el("strong", { class: "grade-verdict", text: result.passed ? "及格" : "不及格" }),
          "（" + paper.passMark + "分及格）"]),
        el("h3", { text: "按题型" }),
        table(["题型", "题数", "答对", "得分"], breakdownRows(result.byType, paper.points)),
        el("h3", { text: "按章节" }),
        table(["章节", "题数", "答对", "得分"], breakdownRows(result.byModule, paper.points)),
        el("h3", { text: "错题（" + wrong.length + "题）" }),
        wrong.length
          ? table(["题号", "题型", "题目", "作答", "答案"], wrong.map(function (m) {
            return [m.q.n, grading.types[m.q.type], m.q.stem, R.givenText(m.q, m.digit), m.q.answer];
          }), "grade-wrong")
          : el("p", { text: "无。" }),
        el("p", {}, ["试卷原题见", el("a", { href: grading.paperUrls[paper.letter], text: paper.title }), "。"]),
      ]));
    });
    app.appendChild(form);
    app.appendChild(out);
  }

  function init() {
    if (!R) return;
    var examPage = !!document.getElementById("exam-app");
    if (document.querySelector("[data-quiz-page]") && !examPage) listenForAnswers();
    initDaily();
    initProgress();
    initExam();
    initGrade();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
