/* The learner's records, kept in this browser only (localStorage); nothing is sent anywhere.
 *
 * Keys (everything of this course starts with "xinfang:" or "quiz_progress_xinfang:"):
 *   quiz_progress_xinfang:<page>   mkdocs-quiz's answers of a page, one entry per question element
 *                                  ("q-tizhi-01": {answered, correct, selectedValues, at});
 *                                  每日一练 keeps one such store per day: …:practice/daily/2026-12-01
 *   xinfang:log                    answer history: {"tizhi-01": [[at, 1|0, page], …]}
 *   xinfang:exam:A                 the exam on paper A: {state: running|submitted, started, deadline,
 *                                  submitted, timedOut, answers: {"tizhi-01": ["2"]}, updated}
 *   xinfang:daily                  the questions each day showed: {"2026-12-01": ["tizhi-01", …]}
 *   xinfang:name                   the name typed on the 成绩单
 *
 * Clock: every time comes from now(), which is Date.now() unless a page sets
 * window.xinfangNow (a function returning milliseconds). Tests use that hook; it
 * changes nothing but the time source.
 *
 * The export file is {"format": "xinfang-records", "version": 1, "exportedAt": ISO time,
 * "pages": {<page>: {…}}, "log": {…}, "exams": {…}, "daily": {…}, "name": ""}; import checks
 * all of it first, then merges: for each question the latest answer wins (by "at"), histories
 * are joined, an exam keeps its latest state, a day keeps the questions it already showed.
 */
(function () {
  "use strict";

  var PAGE_PREFIX = "quiz_progress_xinfang:";
  var OWN_PREFIX = "xinfang:";
  var LOG_KEY = "xinfang:log";
  var DAILY_KEY = "xinfang:daily";
  var NAME_KEY = "xinfang:name";
  var EXAM_PREFIX = "xinfang:exam:";
  var DAILY_PAGE = "xinfang:practice/daily";
  var FORMAT = "xinfang-records";
  var VERSION = 1;
  var DAY_MS = 86400000;
  /* 错题本: a wrong question returns after 1 day, then 3, then 7 (and every 7 after)
   * until it has been answered right at two returns. */
  var INTERVALS = [1, 3, 7];
  var RIGHTS_TO_LEAVE = 2;
  var LOG_LIMIT = 60;

  function now() {
    return typeof window.xinfangNow === "function" ? Number(window.xinfangNow()) : Date.now();
  }

  /* ---- Days (local dates) ---------------------------------------------------- */

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function dayKey(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  // Days since 1970-01-01 of the local date of `ms`.
  function dayNumber(ms) {
    var d = new Date(ms);
    return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
  }
  function dayNumberOfKey(key) {
    var p = key.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS);
  }
  function keyOfDayNumber(n) {
    var d = new Date(n * DAY_MS);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }
  function chineseDate(key) {
    var p = key.split("-");
    return +p[0] + "年" + +p[1] + "月" + +p[2] + "日";
  }

  /* ---- CRC-32 (the checksum of 成绩码 and the daily order) --------------------- */

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();
  function crc32(text) {
    var bytes = new TextEncoder().encode(text);
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  /* ---- Storage ---------------------------------------------------------------- */

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }
  function read(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      if (raw === null) return fallback;
      var value = JSON.parse(raw);
      return value === null || value === undefined ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }
  function readObject(key) {
    var v = read(key, {});
    return isObject(v) ? v : {};
  }
  function write(key, value) {
    try {
      if (value === undefined || value === null || (isObject(value) && !Object.keys(value).length) || value === "") {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, JSON.stringify(value));
      }
    } catch (e) {
      /* storage full or disabled: the page still works for this visit */
    }
  }
  function keys(prefix) {
    var out = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(prefix) === 0) out.push(k);
      }
    } catch (e) {
      /* no storage */
    }
    return out.sort();
  }
  function pageKeys() {
    return keys(PAGE_PREFIX).map(function (k) {
      return k.slice("quiz_progress_".length);
    });
  }
  function readPage(page) {
    return readObject("quiz_progress_" + page);
  }
  function writePage(page, data) {
    write("quiz_progress_" + page, data);
  }
  // A page key as the manifest knows it: every day of 每日一练 is the daily page.
  function pageOf(page) {
    return page.indexOf(DAILY_PAGE + "/") === 0 ? DAILY_PAGE : page;
  }
  // The stored pages that count as `page` (the daily page: one store per day).
  function storesOf(page) {
    if (page !== DAILY_PAGE) return [page];
    return pageKeys().filter(function (k) {
      return pageOf(k) === DAILY_PAGE;
    });
  }

  /* ---- Answer history and the 错题本 schedule -------------------------------------- */

  function logAnswer(qid, correct, at, page) {
    var log = readObject(LOG_KEY);
    var list = Array.isArray(log[qid]) ? log[qid] : [];
    list.push([at, correct ? 1 : 0, page]);
    log[qid] = list.slice(-LOG_LIMIT);
    write(LOG_KEY, log);
  }

  // qid -> [{at, correct, page}] sorted by time: the history joined with every stored answer
  // (answers given before the history existed count too).
  function allEvents() {
    var out = {};
    var seen = {};
    function add(qid, at, correct, page) {
      var tag = qid + "|" + at + "|" + page;
      if (seen[tag]) return;
      seen[tag] = true;
      (out[qid] = out[qid] || []).push({ at: at, correct: !!correct, page: page });
    }
    var log = readObject(LOG_KEY);
    Object.keys(log).forEach(function (qid) {
      (Array.isArray(log[qid]) ? log[qid] : []).forEach(function (e) {
        if (Array.isArray(e) && typeof e[0] === "number") add(qid, e[0], e[1], String(e[2] || ""));
      });
    });
    pageKeys().forEach(function (page) {
      var data = readPage(page);
      Object.keys(data).forEach(function (elementId) {
        var entry = data[elementId];
        if (elementId.indexOf("q-") !== 0 || !isObject(entry) || !entry.answered) return;
        add(elementId.slice(2), typeof entry.at === "number" ? entry.at : 0, entry.correct, page);
      });
    });
    Object.keys(out).forEach(function (qid) {
      out[qid].sort(function (a, b) {
        return a.at - b.at;
      });
    });
    return out;
  }

  /* Replay one question's answers: null when it is not in the 错题本, else
   * {since, due, step, rights} (days as day numbers). A wrong answer outside the book puts it
   * in, due the next day. Only answers on or after the due day count: each moves the next
   * return to INTERVALS[step] days later (1, 3, 7, 7 …); the second right one takes it out.
   * Answers before the due day change nothing. */
  function schedule(events) {
    var s = null;
    events.forEach(function (e) {
      var day = dayNumber(e.at);
      if (!s) {
        if (!e.correct) s = { since: day, step: 0, rights: 0, due: day + INTERVALS[0] };
        return;
      }
      if (day < s.due) return;
      if (e.correct) {
        s.rights += 1;
        if (s.rights >= RIGHTS_TO_LEAVE) {
          s = null;
          return;
        }
      }
      s.step = Math.min(s.step + 1, INTERVALS.length - 1);
      s.due = day + INTERVALS[s.step];
    });
    return s;
  }

  // {due: [...], later: [...]}: questions in the 错题本, each {id, since, due, step, rights, page}.
  function reviewBook(known) {
    var today = dayNumber(now());
    var events = allEvents();
    var book = { due: [], later: [] };
    Object.keys(events).forEach(function (qid) {
      if (known && !known[qid]) return;
      var s = schedule(events[qid]);
      if (!s) return;
      var list = events[qid];
      var item = { id: qid, since: s.since, due: s.due, step: s.step, rights: s.rights, page: list[list.length - 1].page };
      (s.due <= today ? book.due : book.later).push(item);
    });
    var byDue = function (a, b) {
      return a.due - b.due || (a.id < b.id ? -1 : 1);
    };
    book.due.sort(byDue);
    book.later.sort(byDue);
    return book;
  }

  // qid -> latest answer {at, correct, page} over every page.
  function latestAnswers() {
    var events = allEvents();
    var out = {};
    Object.keys(events).forEach(function (qid) {
      var list = events[qid];
      out[qid] = list[list.length - 1];
    });
    return out;
  }

  /* ---- 每日一练 ---------------------------------------------------------------------- */

  /* The day's questions: the bank ordered by CRC-32 of "<salt>:<date>:<id>" (then id).
   * The first `shared` are everyone's; of the next `candidates - shared` this browser takes
   * `size - shared`: first those whose latest answer here is wrong or that are in the 错题本,
   * then those never answered here, then the rest, each group in the day's order. A day's
   * pick is kept, so it does not change during the day. */
  function dayOrder(data, key) {
    return data.ids
      .map(function (id) {
        return { id: id, rank: crc32(data.salt + ":" + key + ":" + id) };
      })
      .sort(function (a, b) {
        return a.rank - b.rank || (a.id < b.id ? -1 : 1);
      })
      .map(function (x) {
        return x.id;
      });
  }
  function dailySet(data, key) {
    var days = readObject(DAILY_KEY);
    var known = {};
    data.ids.forEach(function (id) {
      known[id] = true;
    });
    if (Array.isArray(days[key]) && days[key].every(function (id) { return known[id]; }) && days[key].length) {
      return days[key];
    }
    var order = dayOrder(data, key);
    var shared = order.slice(0, data.shared);
    var latest = latestAnswers();
    var book = reviewBook(known);
    var inBook = {};
    book.due.concat(book.later).forEach(function (item) {
      inBook[item.id] = true;
    });
    var rank = function (id) {
      var a = latest[id];
      if (inBook[id] || (a && !a.correct)) return 0;
      return a ? 2 : 1;
    };
    var pool = order.slice(data.shared, data.candidates).map(function (id, i) {
      return { id: id, i: i, rank: rank(id) };
    });
    pool.sort(function (a, b) {
      return a.rank - b.rank || a.i - b.i;
    });
    var chosen = shared.concat(
      pool.slice(0, data.size - data.shared).map(function (x) {
        return x.id;
      }),
    );
    days[key] = chosen;
    write(DAILY_KEY, days);
    return chosen;
  }
  // Days (keys) on which every question of the day was answered on the daily page.
  function dailyDone() {
    var days = readObject(DAILY_KEY);
    return Object.keys(days).filter(function (key) {
      var store = readPage(DAILY_PAGE + "/" + key);
      return (
        Array.isArray(days[key]) &&
        days[key].length &&
        days[key].every(function (id) {
          return isObject(store["q-" + id]) && store["q-" + id].answered;
        })
      );
    });
  }
  // Consecutive completed days ending today, or yesterday while today is not done yet.
  function streak() {
    var done = {};
    dailyDone().forEach(function (key) {
      done[dayNumberOfKey(key)] = true;
    });
    var day = dayNumber(now());
    if (!done[day]) day -= 1;
    var n = 0;
    while (done[day]) {
      n += 1;
      day -= 1;
    }
    return n;
  }

  /* ---- Exams ------------------------------------------------------------------------ */

  function readExam(letter) {
    var e = readObject(EXAM_PREFIX + letter);
    return e.state ? e : null;
  }
  function writeExam(letter, record) {
    if (record) record.updated = now();
    write(EXAM_PREFIX + letter, record);
  }

  function normalise(text) {
    return String(text).normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  }

  // The 成绩码 digit of one question (scripts/bank/scorecode.py).
  function digitOf(q, values) {
    values = values || [];
    if (q.type === "fill") {
      if (!values.some(function (v) { return String(v).trim(); })) return 0;
      var right = q.blanks.every(function (b, i) {
        return normalise(values[i] || "") === normalise(b);
      });
      return right ? 2 : 1;
    }
    var positions = values.map(Number).filter(function (p) {
      return p >= 0 && p < q.options;
    });
    if (!positions.length) return 0;
    if (q.type === "multiple") {
      return positions.reduce(function (acc, p) {
        return acc | (1 << p);
      }, 0);
    }
    return positions[0] + 1;
  }
  function correctDigit(q) {
    if (q.type === "fill") return 2;
    if (q.type === "multiple") {
      return q.key.reduce(function (acc, p) {
        return acc | (1 << p);
      }, 0);
    }
    return q.key[0] + 1;
  }

  // Score digits of a paper: totals, by type, by module, and each question marked.
  function scoreDigits(grading, paper, digits) {
    var marked = paper.questions.map(function (q, i) {
      return { q: q, digit: digits[i], correct: digits[i] === correctDigit(q) };
    });
    var groups = function (name) {
      var rows = [];
      var index = {};
      marked.forEach(function (m) {
        var label = name(m.q);
        if (!(label in index)) {
          index[label] = rows.length;
          rows.push({ name: label, correct: 0, total: 0 });
        }
        var row = rows[index[label]];
        row.total += 1;
        if (m.correct) row.correct += 1;
      });
      return rows;
    };
    var correct = marked.filter(function (m) {
      return m.correct;
    }).length;
    var points = correct * paper.points;
    return {
      marked: marked,
      correct: correct,
      total: marked.length,
      answered: marked.filter(function (m) { return m.digit !== 0; }).length,
      points: points,
      full: marked.length * paper.points,
      passed: points >= paper.passMark,
      byType: groups(function (q) {
        return grading.types[q.type];
      }),
      byModule: groups(function (q) {
        return grading.modules[q.module] || q.module;
      }),
    };
  }

  // The answer a digit stands for, as the paper shows it (B, A、C, 正确, （未答）).
  function givenText(q, digit) {
    if (digit === 0) return "（未答）";
    if (q.type === "fill") return digit === 2 ? "与答案一致" : "与答案不一致";
    if (q.type === "multiple") {
      var letters = [];
      for (var p = 0; p < q.options; p++) if (digit & (1 << p)) letters.push("ABCDEFGHIJ".charAt(p));
      return letters.join("、");
    }
    if (q.type === "truefalse") return digit === 1 ? "正确" : "错误";
    return "ABCDEFGHIJ".charAt(digit - 1);
  }

  /* ---- 成绩码 (format: scripts/bank/scorecode.py) ------------------------------------- */

  function toBase32(spec, number, width) {
    var out = "";
    for (var i = 0; i < width; i++) {
      out = spec.alphabet.charAt(Number(number % 32n)) + out;
      number = number / 32n;
    }
    return out;
  }
  function fromBase32(spec, text) {
    var n = 0n;
    for (var i = 0; i < text.length; i++) n = n * 32n + BigInt(spec.alphabet.indexOf(text.charAt(i)));
    return n;
  }
  function checkChars(spec, head) {
    return toBase32(spec, BigInt(crc32(head) % Math.pow(32, spec.checkChars)), spec.checkChars);
  }
  function group(spec, code) {
    var parts = [];
    for (var i = 0; i < code.length; i += spec.group) parts.push(code.slice(i, i + spec.group));
    return parts.join("-");
  }

  function encodeCode(grading, paper, digits, key) {
    var spec = grading.code;
    var layout = paper.code;
    var number = 0n;
    var weight = 1n;
    layout.radices.forEach(function (r, i) {
      number += BigInt(digits[i]) * weight;
      weight *= BigInt(r);
    });
    var day = dayNumberOfKey(key) - dayNumberOfKey(spec.epoch);
    var head = layout.letter + layout.version + toBase32(spec, BigInt(day), spec.dayChars) + toBase32(spec, number, layout.length);
    return group(spec, head + checkChars(spec, head));
  }

  // {paper, day (key), digits}; throws Error with one line saying what is wrong.
  function decodeCode(grading, text) {
    var spec = grading.code;
    var code = "";
    String(text || "")
      .trim()
      .toUpperCase()
      .split("")
      .forEach(function (ch) {
        if (" -\t\u3000－—".indexOf(ch) >= 0) return;
        code += spec.aliases[ch] || ch;
      });
    var fail = function (message) {
      throw new Error(message);
    };
    if (!code) fail("成绩码是空的：请输入交卷后成绩单上的成绩码");
    var bad = code.split("").filter(function (ch, i, all) {
      return spec.alphabet.indexOf(ch) < 0 && all.indexOf(ch) === i;
    });
    if (bad.length) fail("成绩码中有不该出现的字符“" + bad.join("") + "”：成绩码只由数字和英文字母组成，请照成绩单重新输入");
    var letters = Object.keys(grading.papers).sort();
    var paper = grading.papers[code.charAt(0)];
    if (!paper) fail("成绩码的第一个字符应是试卷代号（" + letters.join("、") + "），现为“" + code.charAt(0) + "”：请照成绩单重新输入");
    var layout = paper.code;
    var expected = 1 + spec.versionChars + spec.dayChars + layout.length + spec.checkChars;
    if (code.length !== expected) fail("成绩码应有" + expected + "个字符（不计连字符），现有" + code.length + "个：请照成绩单重新输入");
    var head = code.slice(0, -spec.checkChars);
    if (checkChars(spec, head) !== code.slice(-spec.checkChars)) fail("成绩码校验不通过：有字符抄错或被改动过，请照成绩单重新输入");
    if (code.slice(1, 1 + spec.versionChars) !== layout.version) {
      fail("成绩码来自另一版本的" + paper.title + "（题库更新后试卷已变），无法按当前题库阅卷");
    }
    var pos = 1 + spec.versionChars;
    var day = Number(fromBase32(spec, code.slice(pos, pos + spec.dayChars)));
    var number = fromBase32(spec, code.slice(pos + spec.dayChars, -spec.checkChars));
    var digits = layout.radices.map(function (r) {
      var d = Number(number % BigInt(r));
      number = number / BigInt(r);
      return d;
    });
    if (number !== 0n) fail("成绩码的答案部分超出本卷的范围：有字符抄错或被改动过，请照成绩单重新输入");
    return { paper: paper, day: keyOfDayNumber(dayNumberOfKey(spec.epoch) + day), digits: digits };
  }

  /* ---- Export, import, clear ---------------------------------------------------------- */

  function exportRecords() {
    var pages = {};
    pageKeys().forEach(function (page) {
      var data = readPage(page);
      if (Object.keys(data).length) pages[page] = data;
    });
    var exams = {};
    keys(EXAM_PREFIX).forEach(function (k) {
      var e = readObject(k);
      if (e.state) exams[k.slice(EXAM_PREFIX.length)] = e;
    });
    var name = read(NAME_KEY, "");
    return {
      format: FORMAT,
      version: VERSION,
      exportedAt: new Date(now()).toISOString(),
      pages: pages,
      log: readObject(LOG_KEY),
      exams: exams,
      daily: readObject(DAILY_KEY),
      name: typeof name === "string" ? name : "",
    };
  }

  // Throws Error(one line) when `data` is not an export this site can read.
  function validate(data) {
    var fail = function (message) {
      throw new Error(message);
    };
    if (!isObject(data) || data.format !== FORMAT) {
      fail("这不是本课程导出的答题记录（文件中没有 \"format\": \"" + FORMAT + "\"）：请选择“导出全部记录”得到的文件");
    }
    if (typeof data.version !== "number" || data.version < 1 || Math.floor(data.version) !== data.version) {
      fail("记录文件的版本号（version）无效：请重新导出");
    }
    if (data.version > VERSION) {
      fail("记录文件的版本是" + data.version + "，本网站只能读取版本" + VERSION + "：请更新网站后再导入");
    }
    ["pages", "log", "exams", "daily"].forEach(function (part) {
      if (data[part] !== undefined && !isObject(data[part])) fail("记录文件中的“" + part + "”应当是对象：文件已损坏，请重新导出");
    });
    Object.keys(data.pages || {}).forEach(function (page) {
      if (page.indexOf(OWN_PREFIX) !== 0) fail("记录文件中的页面“" + page + "”不属于本课程：文件已损坏，请重新导出");
      var store = data.pages[page];
      if (!isObject(store)) fail("记录文件中页面“" + page + "”的记录应当是对象：文件已损坏，请重新导出");
      Object.keys(store).forEach(function (id) {
        var e = store[id];
        if (!isObject(e) || typeof e.answered !== "boolean" || typeof e.correct !== "boolean" ||
            (e.at !== undefined && typeof e.at !== "number") || (e.selectedValues !== undefined && !Array.isArray(e.selectedValues))) {
          fail("记录文件中页面“" + page + "”的题目“" + id + "”格式不对：文件已损坏，请重新导出");
        }
      });
    });
    Object.keys(data.log || {}).forEach(function (qid) {
      var list = data.log[qid];
      if (!Array.isArray(list) || !list.every(function (e) {
        return Array.isArray(e) && typeof e[0] === "number" && (e[1] === 0 || e[1] === 1) && typeof e[2] === "string";
      })) fail("记录文件中题目“" + qid + "”的答题历史格式不对：文件已损坏，请重新导出");
    });
    Object.keys(data.exams || {}).forEach(function (letter) {
      var e = data.exams[letter];
      if (!isObject(e) || (e.state !== "running" && e.state !== "submitted") || !isObject(e.answers) ||
          typeof e.started !== "number") fail("记录文件中试卷" + letter + "的考试记录格式不对：文件已损坏，请重新导出");
    });
    Object.keys(data.daily || {}).forEach(function (key) {
      if (!/^\d{4}-\d\d-\d\d$/.test(key) || !Array.isArray(data.daily[key])) {
        fail("记录文件中每日一练“" + key + "”的记录格式不对：文件已损坏，请重新导出");
      }
    });
    if (data.name !== undefined && typeof data.name !== "string") fail("记录文件中的姓名应当是文字：文件已损坏，请重新导出");
  }

  // Parse and merge an export; returns the number of answers taken from it. Throws Error(one line).
  function importText(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new Error("文件不是有效的 JSON，无法读取：请选择“导出全部记录”得到的 .json 文件");
    }
    validate(data);
    var taken = 0;
    Object.keys(data.pages || {}).forEach(function (page) {
      var local = readPage(page);
      var incoming = data.pages[page];
      Object.keys(incoming).forEach(function (id) {
        var mine = local[id];
        var theirs = incoming[id];
        if (!mine || (theirs.at || 0) > (mine.at || 0)) {
          local[id] = theirs;
          taken += 1;
        }
      });
      writePage(page, local);
    });
    var log = readObject(LOG_KEY);
    Object.keys(data.log || {}).forEach(function (qid) {
      var seen = {};
      var joined = (Array.isArray(log[qid]) ? log[qid] : []).concat(data.log[qid]).filter(function (e) {
        var tag = e[0] + "|" + e[2];
        if (seen[tag]) return false;
        seen[tag] = true;
        return true;
      });
      joined.sort(function (a, b) {
        return a[0] - b[0];
      });
      log[qid] = joined.slice(-LOG_LIMIT);
    });
    write(LOG_KEY, log);
    Object.keys(data.exams || {}).forEach(function (letter) {
      var mine = readExam(letter);
      var theirs = data.exams[letter];
      if (!mine || (theirs.updated || theirs.started) > (mine.updated || mine.started)) {
        write(EXAM_PREFIX + letter, theirs);
      }
    });
    var days = readObject(DAILY_KEY);
    Object.keys(data.daily || {}).forEach(function (key) {
      if (!Array.isArray(days[key])) days[key] = data.daily[key];
    });
    write(DAILY_KEY, days);
    if (data.name && !read(NAME_KEY, "")) write(NAME_KEY, data.name);
    return taken;
  }

  // Remove every record of this course from this browser.
  function clearAll() {
    keys(PAGE_PREFIX)
      .concat(keys(OWN_PREFIX))
      .forEach(function (k) {
        try {
          window.localStorage.removeItem(k);
        } catch (e) {
          /* nothing to clear */
        }
      });
  }

  // Remove the answers to `qids` on `pages` (and their history there).
  function clearAnswers(pages, qids) {
    var wanted = {};
    qids.forEach(function (id) {
      wanted[id] = true;
    });
    var all = {};
    pages.forEach(function (page) {
      storesOf(page).forEach(function (store) {
        all[store] = true;
        var data = readPage(store);
        qids.forEach(function (id) {
          delete data["q-" + id];
        });
        writePage(store, data);
      });
    });
    var log = readObject(LOG_KEY);
    Object.keys(log).forEach(function (qid) {
      if (!wanted[qid] || !Array.isArray(log[qid])) return;
      log[qid] = log[qid].filter(function (e) {
        return !all[e[2]];
      });
      if (!log[qid].length) delete log[qid];
    });
    write(LOG_KEY, log);
  }

  window.XinfangRecords = {
    DAILY_PAGE: DAILY_PAGE,
    INTERVALS: INTERVALS,
    now: now,
    dayKey: dayKey,
    dayNumber: dayNumber,
    keyOfDayNumber: keyOfDayNumber,
    chineseDate: chineseDate,
    crc32: crc32,
    read: read,
    readObject: readObject,
    write: write,
    readPage: readPage,
    writePage: writePage,
    pageOf: pageOf,
    storesOf: storesOf,
    logAnswer: logAnswer,
    reviewBook: reviewBook,
    latestAnswers: latestAnswers,
    dayOrder: dayOrder,
    dailySet: dailySet,
    streak: streak,
    readExam: readExam,
    writeExam: writeExam,
    digitOf: digitOf,
    scoreDigits: scoreDigits,
    givenText: givenText,
    encodeCode: encodeCode,
    decodeCode: decodeCode,
    exportRecords: exportRecords,
    importText: importText,
    clearAll: clearAll,
    clearAnswers: clearAnswers,
    NAME_KEY: NAME_KEY,
  };
})();
