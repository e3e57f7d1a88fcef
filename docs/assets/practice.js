/* 学习进度 and mock exam score.
 *
 * Reads the answers mkdocs-quiz keeps in localStorage. The build (scripts/hooks/bank.py)
 * makes them stable: each page stores under "quiz_progress_" + its page key
 * ("xinfang:practice/bank/tizhi"), each answer under the question's element id
 * ("q-tizhi-01"), with the time it was given ("at").
 *
 * - 学习进度 page (#quiz-manifest + #quiz-progress-app): per module and per paper,
 *   questions answered and correct, the 错题本 (wrong answers, linked back to the
 *   question), reset per module/paper and for everything.
 * - Paper pages (.exam-score): the score in points and whether it passes.
 *
 * Nothing is sent anywhere; everything stays in this browser.
 */
(function () {
  "use strict";

  function readStore(key) {
    try {
      var raw = window.localStorage.getItem(key);
      if (!raw) return {};
      var value = JSON.parse(raw);
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) {
      return {};
    }
  }

  function writeStore(key, value) {
    try {
      if (Object.keys(value).length) {
        window.localStorage.setItem(key, JSON.stringify(value));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (e) {
      /* storage disabled: nothing to clear */
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* ---- 学习进度 ------------------------------------------------------------ */

  // Latest stored answer of each question of a group, over the pages that show it.
  function groupAnswers(manifest, group) {
    var stores = group.pages.map(function (key) {
      return { key: key, data: readStore(manifest.storagePrefix + key) };
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

  function summarise(manifest, group) {
    var answers = groupAnswers(manifest, group);
    var answered = 0;
    var correct = 0;
    var wrong = [];
    group.questions.forEach(function (qid) {
      var a = answers[qid];
      if (!a) return;
      answered += 1;
      if (a.correct) correct += 1;
      else wrong.push({ id: qid, page: a.page });
    });
    return { total: group.questions.length, answered: answered, correct: correct, wrong: wrong };
  }

  function resetGroup(manifest, group) {
    group.pages.forEach(function (key) {
      var storageKey = manifest.storagePrefix + key;
      var data = readStore(storageKey);
      group.questions.forEach(function (qid) {
        delete data["q-" + qid];
      });
      writeStore(storageKey, data);
    });
  }

  function resetAll(manifest) {
    var prefix = manifest.storagePrefix + manifest.namespace;
    var doomed = [];
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) doomed.push(key);
    }
    Object.keys(manifest.pages).forEach(function (key) {
      doomed.push(manifest.storagePrefix + key);
    });
    doomed.forEach(function (key) {
      window.localStorage.removeItem(key);
    });
  }

  function questionLink(manifest, qid, pageKey) {
    var page = manifest.pages[pageKey] || {};
    var q = manifest.questions[qid] || { type: "", stem: qid };
    var link = el("a", { href: (page.url || "") + "#q-" + qid }, [
      el("span", { class: "progress-qtype", text: "〔" + q.type + "〕" }),
      q.stem,
    ]);
    return el("li", { "data-question": qid }, [link, el("span", { class: "progress-where", text: "（" + (page.title || "") + "）" })]);
  }

  function resetButton(label, onClick) {
    var button = el("button", { type: "button", class: "md-button progress-reset", text: label });
    button.addEventListener("click", onClick);
    return button;
  }

  function renderProgress(manifest, app) {
    app.textContent = "";
    var rerender = function () {
      renderProgress(manifest, app);
    };
    var sections = [
      { kind: "module", title: "模块测验与专项练习", first: "模块" },
      { kind: "paper", title: "模拟试卷", first: "试卷" },
    ];
    var wrongBlocks = [];
    sections.forEach(function (section) {
      var groups = manifest.groups.filter(function (g) {
        return g.kind === section.kind;
      });
      if (!groups.length) return;
      app.appendChild(el("h2", { id: "progress-" + section.kind, text: section.title }));
      var head = [section.first, "题数", "已答", "答对", "错题"];
      if (section.kind === "paper") head.push("得分");
      head.push("");
      var tbody = el("tbody");
      groups.forEach(function (group) {
        var s = summarise(manifest, group);
        var home = manifest.pages[group.home] || {};
        var cells = [
          el("td", {}, [el("a", { href: home.url || "" , text: group.title })]),
          el("td", { text: String(s.total) }),
          el("td", { class: "progress-answered", text: String(s.answered) }),
          el("td", { class: "progress-correct", text: String(s.correct) }),
          el("td", { class: "progress-wrong", text: String(s.wrong.length) }),
        ];
        if (section.kind === "paper") {
          var points = s.total ? Math.round((s.correct * 100) / s.total) : 0;
          var verdict = s.answered === s.total ? (points >= group.passMark ? "，及格" : "，不及格") : "";
          cells.push(el("td", { class: "progress-score", text: points + "分" + verdict }));
        }
        cells.push(
          el("td", {}, [
            resetButton("清除", function () {
              if (window.confirm("清除“" + group.title + "”的全部答题记录？")) {
                resetGroup(manifest, group);
                rerender();
              }
            }),
          ]),
        );
        tbody.appendChild(el("tr", { "data-group": group.kind + ":" + group.id }, cells));
        if (s.wrong.length) {
          wrongBlocks.push(
            el("section", { class: "progress-wrong-list", "data-group": group.kind + ":" + group.id }, [
              el("h3", { text: group.title + "（" + s.wrong.length + "题）" }),
              el(
                "ol",
                {},
                s.wrong.map(function (w) {
                  return questionLink(manifest, w.id, w.page);
                }),
              ),
            ]),
          );
        }
      });
      var thead = el("thead", {}, [
        el(
          "tr",
          {},
          head.map(function (h) {
            return el("th", { text: h });
          }),
        ),
      ]);
      app.appendChild(el("div", { class: "md-typeset__table" }, [el("table", {}, [thead, tbody])]));
    });
    app.appendChild(el("h2", { id: "progress-wrong", text: "错题本" }));
    if (wrongBlocks.length) {
      app.appendChild(el("p", { text: "以下是最近一次作答仍然答错的题目。点击题目回到原题，重做并答对后即从错题本中移出。" }));
      wrongBlocks.forEach(function (block) {
        app.appendChild(block);
      });
    } else {
      app.appendChild(el("p", { class: "progress-empty", text: "错题本是空的：目前没有答错的题目。" }));
    }
    app.appendChild(el("h2", { id: "progress-reset", text: "清除全部记录" }));
    app.appendChild(el("p", { text: "清除本机浏览器中本课程的全部答题记录（各模块、专项练习和模拟试卷）。清除后不能恢复。" }));
    app.appendChild(
      resetButton("清除全部答题记录", function () {
        if (window.confirm("清除本课程的全部答题记录？清除后不能恢复。")) {
          resetAll(manifest);
          rerender();
        }
      }),
    );
  }

  function initProgress() {
    var data = document.getElementById("quiz-manifest");
    var app = document.getElementById("quiz-progress-app");
    if (!data || !app) return;
    var manifest;
    try {
      manifest = JSON.parse(data.textContent);
    } catch (e) {
      app.textContent = "学习进度数据无法读取。";
      return;
    }
    renderProgress(manifest, app);
  }

  /* ---- Paper score ---------------------------------------------------------- */

  function initExamScore() {
    var box = document.querySelector(".exam-score[data-exam-paper]");
    if (!box) return;
    var passMark = Number(box.getAttribute("data-pass-mark")) || 60;
    var show = function (progress) {
      var total = progress.total || 0;
      var points = total ? Math.round((progress.correct * 100) / total) : 0;
      box.textContent = "";
      box.appendChild(
        el("p", { class: "exam-score-line" }, [
          "已答 ",
          el("strong", { class: "exam-answered", text: String(progress.answered) }),
          " / " + total + " 题，答对 ",
          el("strong", { class: "exam-correct", text: String(progress.correct) }),
          " 题，得分 ",
          el("strong", { class: "exam-points", text: String(points) }),
          " 分（满分100分，" + passMark + "分及格）。",
        ]),
      );
      if (total && progress.answered === total) {
        var passed = points >= passMark;
        box.setAttribute("data-result", passed ? "pass" : "fail");
        box.appendChild(
          el("p", {
            class: "exam-verdict",
            text: "全卷答完：" + points + "分，" + (passed ? "及格。" : "不及格，请到学习进度的错题本复习后再试。"),
          }),
        );
      } else {
        box.removeAttribute("data-result");
      }
    };
    window.addEventListener("quizProgressUpdate", function (event) {
      if (event.detail) show(event.detail);
    });
    // Initial state straight from storage, in case the quiz script reported before we listened.
    var marker = document.querySelector("[data-quiz-page]");
    var stored = marker ? readStore("quiz_progress_" + marker.getAttribute("data-quiz-page")) : {};
    var quizzes = document.querySelectorAll(".quiz");
    var answered = 0;
    var correct = 0;
    quizzes.forEach(function (quiz) {
      var entry = stored[quiz.id];
      if (entry && entry.answered) {
        answered += 1;
        if (entry.correct) correct += 1;
      }
    });
    show({ total: quizzes.length, answered: answered, correct: correct });
  }

  function init() {
    initProgress();
    initExamScore();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
