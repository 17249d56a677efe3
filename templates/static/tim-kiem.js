// bantin's search: reads the index the build wrote under /tim-kiem/i/ (see
// Sources/BantinCore/Search/SearchIndex.swift), fetching only the shards the query's
// terms fall in and the records of the results shown. No framework, no server.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("tim-kiem-form");
  if (!script || !form || !window.fetch || !window.TextEncoder) return;
  var base = script.getAttribute("data-index");
  var W = JSON.parse(script.getAttribute("data-words"));
  var input = document.getElementById("tim-kiem-o");
  var status = document.getElementById("tim-kiem-trang-thai");
  var list = document.getElementById("tim-kiem-ket-qua");
  var more = document.getElementById("tim-kiem-them");
  var filters = document.getElementById("tim-kiem-loc");
  var sectionSelect = document.getElementById("tim-kiem-muc");
  var yearSelect = document.getElementById("tim-kiem-nam");
  var PAGE = 10;
  var meta = null, shards = {}, chunks = {}, facets = null;
  var current = null, shown = 0, sequence = 0;

  function get(name, binary) {
    return fetch(base + name).then(function (response) {
      if (!response.ok) throw new Error(name + ": " + response.status);
      return binary ? response.arrayBuffer() : response.json();
    });
  }

  // The same reading of Vietnamese as SearchText.syllables in Swift.
  var TONES = { "\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  var MARK = /\p{Mn}/u, WORD = /[\p{L}\p{N}]/u;
  function syllables(text) {
    var out = [], f = "", e = "", t = "";
    function flush() {
      if (f) out.push({ f: f, e: e.normalize("NFC") + (t || "0") });
      f = ""; e = ""; t = "";
    }
    for (var ch of text.normalize("NFD")) {
      if (TONES[ch]) { if (f) t = TONES[ch]; continue; }
      if (MARK.test(ch)) { if (e) e += ch; continue; }
      if (!WORD.test(ch)) { flush(); continue; }
      for (var c of ch.toLowerCase()) { f += c === "đ" ? "d" : c; e += c; }
    }
    flush();
    return out;
  }

  // A word typed in Telex ("hooij") or VNI ("ho6i5") without the keyboard on.
  var TELEX_TONE = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
  var VNI_TONE = { "1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323" };
  function typed(word) {
    if (!/^[a-z0-9]+$/.test(word)) return word;
    // VNI: digits after letters, never two together ("covid19" is a word).
    if (/^[a-z][a-z1-9]*$/.test(word) && /[1-9]/.test(word) && !/[0-9]{2}/.test(word)) return vni(word);
    // Telex: letters no Vietnamese word holds (aa, oo, dd, w…), or a tone key after
    // the vowels (no Vietnamese word ends in s, f, r, x or j).
    if (/(aa|aw|ee|oo|ow|uw|dd|w|j|f|z)/.test(word) || /[aeiouy][a-z]*[sfrxj]$/.test(word)) return telex(word);
    return word;
  }
  function telex(word) {
    var tone = "";
    var m = /^(.*[aeiouywê])([a-z]*?)([sfrxj])$/.exec(word);
    if (m && !/[sfrxj]/.test(m[2])) { word = m[1] + m[2]; tone = TELEX_TONE[m[3]]; }
    word = word.replace(/dd/g, "đ").replace(/aa/g, "â").replace(/aw/g, "ă").replace(/ee/g, "ê")
      .replace(/oo/g, "ô").replace(/uow/g, "ươ").replace(/ow/g, "ơ").replace(/uw/g, "ư").replace(/w/g, "ư");
    return word + tone;
  }
  function vni(word) {
    var out = "", tone = "";
    for (var ch of word) {
      if (VNI_TONE[ch]) { tone = VNI_TONE[ch]; continue; }
      if (ch === "6") { out = out.replace(/([aeo])([^aeo]*)$/, function (_, v, r) { return { a: "â", e: "ê", o: "ô" }[v] + r; }); continue; }
      if (ch === "7") { out = out.replace(/uo([^uo]*)$/, "ươ$1").replace(/([ou])([^ou]*)$/, function (_, v, r) { return { o: "ơ", u: "ư" }[v] + r; }); continue; }
      if (ch === "8") { out = out.replace(/a([^a]*)$/, "ă$1"); continue; }
      if (ch === "9") { out = out.replace(/d/, "đ"); continue; }
      out += ch;
    }
    return out + tone;
  }

  function fnv1a(term) {
    var hash = 0x811c9dc5;
    for (var byte of new TextEncoder().encode(term)) { hash ^= byte; hash = Math.imul(hash, 0x01000193) >>> 0; }
    return hash;
  }

  var LEVELS = [0, 1, 3, 8];
  // log(1 + weight) for every weight a posting can have (0–255).
  var LOG = new Float64Array(256).map(function (_, w) { return Math.log(1 + w); });
  // Reads a shard's bytes from `at` on.
  function cursor(bytes, at) {
    return {
      at: at,
      varint: function () {
        var value = 0, shift = 0, byte;
        do { byte = bytes[this.at++]; value += (byte & 0x7f) * Math.pow(2, shift); shift += 7; } while (byte & 0x80);
        return value;
      }
    };
  }
  // A shard is read once for where each term's postings start; a term's postings are
  // decoded only when a query asks for it.
  function parseShard(buffer) {
    var bytes = new Uint8Array(buffer), c = cursor(bytes, 4), terms = new Map(), decoder = new TextDecoder();
    var count = c.varint();
    for (var i = 0; i < count; i++) {
      var length = c.varint();
      var term = decoder.decode(bytes.subarray(c.at, c.at + length));
      c.at += length;
      var start = c.at, n = c.varint(), form = bytes[c.at++];
      if (form === 2) { var size = c.varint(); c.at += size; }
      else for (var j = 0; j < n; j++) { c.varint(); c.at++; }
      terms.set(term, start);
    }
    return { bytes: bytes, terms: terms, decoded: new Map() };
  }
  function decode(bytes, at) {
    var c = cursor(bytes, at);
    var n = c.varint(), form = bytes[c.at++], ids = new Int32Array(n), weights = new Uint8Array(n), id = -1, j;
    if (form === 2) {
      // Two bits a document: its weight's level.
      var size = c.varint(), k = 0;
      for (j = 0; j < size; j++) {
        var byte = bytes[c.at + j];
        for (var slot = 0; byte; slot++, byte >>= 2) if (byte & 3) { ids[k] = j * 4 + slot; weights[k++] = LEVELS[byte & 3]; }
      }
    } else {
      for (j = 0; j < n; j++) { id += c.varint(); ids[j] = id; weights[j] = bytes[c.at++]; }
    }
    return { ids: ids, weights: weights };
  }

  function shardOf(term) { return (fnv1a(term) & (meta.shards - 1)).toString(16); }
  function postings(term) {
    var shard = shardOf(term);
    if (!shards[shard]) shards[shard] = get(shard + ".bin", true).then(parseShard);
    return shards[shard].then(function (s) {
      if (!s.terms.has(term)) return null;
      if (!s.decoded.has(term)) s.decoded.set(term, decode(s.bytes, s.terms.get(term)));
      return s.decoded.get(term);
    });
  }
  function terms(q) { return q.uni.concat(q.pairs, q.exact); }
  // Whether answering the query fetches nothing more.
  function ready(text) {
    if (!meta) return false;
    return terms(query(text)).every(function (term) { return shards[shardOf(term)]; });
  }

  function query(text) {
    var quoted = /^\s*".+"\s*$/.test(text);
    var words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(typed);
    var sy = syllables(words.join(" "));
    var accented = sy.some(function (s) { return s.e !== s.f + "0"; });
    var uni = [], pairs = [], exact = [];
    sy.forEach(function (s, i) {
      if (uni.indexOf(s.f) < 0) uni.push(s.f);
      if (i + 1 < sy.length) {
        pairs.push(s.f + " " + sy[i + 1].f);
        if (accented) exact.push(s.e + " " + sy[i + 1].e);
      }
    });
    return { text: text, quoted: quoted, sy: sy, uni: uni, pairs: pairs, exact: exact };
  }

  function run(q) {
    return Promise.all(terms(q).map(postings)).then(function (found) {
      var uni = found.slice(0, q.uni.length), pairs = found.slice(q.uni.length, q.uni.length + q.pairs.length);
      var exact = found.slice(q.uni.length + q.pairs.length);
      if (!uni.length || uni.some(function (p) { return !p; })) return [];
      if (q.quoted && pairs.some(function (p) { return !p; })) return [];
      // Every document that holds every syllable, counted in arrays of one slot a
      // document: no set or map, whatever the number of postings.
      var N = meta.docs, held = new Uint8Array(N), pairsHeld = new Uint8Array(N), exactHeld = new Uint8Array(N);
      var score = new Float64Array(N);
      function add(p, counts, factor) {
        if (!p) return;
        var idf = factor * Math.log(1 + N / p.ids.length), ids = p.ids, weights = p.weights;
        for (var i = 0; i < ids.length; i++) {
          counts[ids[i]]++;
          score[ids[i]] += idf * LOG[weights[i]];
        }
      }
      uni.forEach(function (p) { add(p, held, 1); });
      pairs.forEach(function (p) { add(p, pairsHeld, 2); });
      exact.forEach(function (p) { add(p, exactHeld, 2); });
      // The phrase first, then the accents as typed, then the score, then the newest:
      // one number a result (4 + 4 + 20 + 21 bits), sorted natively.
      var all = uni.length, count = 0, keys = new Float64Array(N), ID = 2097152;
      for (var id = 0; id < N; id++) {
        if (held[id] !== all || (q.quoted && pairsHeld[id] !== pairs.length)) continue;
        var rank = Math.min(pairsHeld[id], 15) * 16 + Math.min(exactHeld[id], 15);
        keys[count++] = (rank * 1048576 + Math.min(Math.round(score[id] * 1000), 1048575)) * ID + (ID - 1 - id);
      }
      keys = keys.subarray(0, count).sort();
      var results = new Array(count);
      for (var i = 0; i < count; i++) results[i] = { id: ID - 1 - keys[count - 1 - i] % ID };
      return results;
    });
  }

  function filtered(results) {
    var section = sectionSelect ? sectionSelect.value : "", year = yearSelect ? yearSelect.value : "";
    if (!section && !year) return Promise.resolve(results);
    if (!facets) facets = get("facets.json");
    return facets.then(function (f) {
      return results.filter(function (r) {
        return (!section || String(f.s[r.id]) === section) && (!year || String(f.y[r.id]) === year);
      });
    });
  }

  function record(id) {
    var chunk = Math.floor(id / meta.chunk);
    if (!chunks[chunk]) chunks[chunk] = get("d" + chunk + ".json");
    return chunks[chunk].then(function (rows) { return rows[id - chunk * meta.chunk]; });
  }

  // Text with the words of the query in <mark>, built as nodes (never as HTML).
  function highlighted(text, wanted) {
    var fragment = document.createDocumentFragment();
    var parts = text.split(/([\p{L}\p{N}]+)/u);
    parts.forEach(function (part) {
      var s = part && WORD.test(part) ? syllables(part)[0] : null;
      if (s && wanted.has(s.f)) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else if (part) {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function show(q, results, from) {
    var wanted = new Set(q.uni);
    var page = results.slice(from, from + PAGE);
    var mine = sequence;
    return Promise.all(page.map(function (r) { return record(r.id); })).then(function (rows) {
      if (mine !== sequence) return;  // a newer query is being shown
      rows.forEach(function (row) {
        var item = document.createElement("li");
        item.className = "search-result";
        var title = document.createElement("h2");
        title.className = "search-result__title";
        var link = document.createElement("a");
        link.href = row[1];
        link.appendChild(highlighted(row[0], wanted));
        title.appendChild(link);
        item.appendChild(title);
        var info = document.createElement("p");
        info.className = "search-result__meta";
        if (row[3]) {
          var time = document.createElement("time");
          time.dateTime = row[3];
          time.textContent = row[2];
          info.appendChild(time);
        }
        if (row[4] >= 0 && meta.sections[row[4]]) info.appendChild(document.createTextNode((row[3] ? " · " : "") + meta.sections[row[4]]));
        item.appendChild(info);
        var excerpt = document.createElement("p");
        excerpt.className = "search-result__excerpt";
        excerpt.appendChild(highlighted(row[5], wanted));
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      shown = from + page.length;
      if (more) more.hidden = shown >= results.length;
    });
  }

  function search() {
    var text = input.value.trim();
    var mine = ++sequence;
    if (history.replaceState) {
      var url = new URL(location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }
    if (!text) { list.textContent = ""; status.textContent = ""; if (more) more.hidden = true; return; }
    var q = query(text);
    if (!q.sy.length) { list.textContent = ""; status.textContent = W.noResults.replace("%s", text); return; }
    (meta ? Promise.resolve(meta) : get("meta.json").then(function (m) { meta = m; fillFilters(); return m; }))
      .then(function () { return run(q); })
      .then(filtered)
      .then(function (results) {
        if (mine !== sequence) return;
        current = { q: q, results: results };
        list.textContent = "";
        // The results first, then the status that announces them.
        return show(q, results, 0).then(function () {
          if (mine !== sequence) return;
          status.textContent = results.length
            ? W.results.replace("%d", results.length.toLocaleString(document.documentElement.lang)).replace("%s", text)
            : W.noResults.replace("%s", text);
        });
      })
      .catch(function () { if (mine === sequence) status.textContent = W.failed; });
  }

  function fillFilters() {
    if (!filters || !meta) return;
    meta.sections.forEach(function (title, i) { sectionSelect.add(new Option(title, String(i))); });
    meta.years.forEach(function (year) { yearSelect.add(new Option(String(year), String(year))); });
    filters.hidden = false;
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  // As the reader types: at once after a space (a word is whole) or when the index
  // files the query needs are here already, else once typing pauses for a moment, so
  // that half-typed words fetch nothing.
  var timer = 0;
  input.addEventListener("input", function (event) {
    clearTimeout(timer);
    if (event.data === " " || !event.isTrusted || ready(input.value.trim())) search();
    else timer = setTimeout(search, 25);
  });
  if (sectionSelect) sectionSelect.addEventListener("change", search);
  if (yearSelect) yearSelect.addEventListener("change", search);
  if (more) more.addEventListener("click", function () { if (current) show(current.q, current.results, shown); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(); }
})();
