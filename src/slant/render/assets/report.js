/* slant report: taxonomy switch, span details, legend filters. Page text is only ever set as textContent. */
(function () {
  "use strict";
  var MAX_DEPTH = 3;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setup(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var source = root.querySelector("script.slant-data");
    var data = source ? JSON.parse(source.textContent) : {};
    var detail = root.querySelector(".detail");
    var body = detail.querySelector(".body");
    var off = {};  // taxonomy -> {label: true} switched off in the legend
    var current = null;

    function hide() {
      detail.hidden = true;
      if (current) current.classList.remove("on");
      current = null;
    }

    function shown(tax, node) {
      return (node.getAttribute("data-m") || "").split(" ").filter(function (i) {
        return i !== "" && !(off[tax] || {})[data[tax][+i].label];
      }).map(function (i) { return data[tax][+i]; });
    }

    function open(node) {
      var tax = node.closest(".tax").getAttribute("data-tax");
      var marks = shown(tax, node);
      if (!marks.length) return;
      if (current) current.classList.remove("on");
      current = node;
      node.classList.add("on");
      body.textContent = "";
      body.appendChild(el("p", "meta", marks.length > 1 ? marks.length + " techniques overlap here" : ""));
      marks.forEach(function (m) {
        var item = el("div", "item");
        item.style.setProperty("--c0", "var(--k" + m.k + ")");
        item.appendChild(el("h4", null, m.title));
        item.appendChild(el("div", "meta", m.category + " · " + m.label + " · score " + m.score.toFixed(2)
          + (m.where === "comments" ? " · in a comment" : "")));
        item.appendChild(el("q", null, m.text));
        item.appendChild(el("p", "why", m.explanation));
        body.appendChild(item);
      });
      detail.hidden = false;
    }

    function repaint(tax) {
      var layer = root.querySelector('.tax[data-tax="' + tax + '"]');
      layer.querySelectorAll("mark.s").forEach(function (node) {
        var marks = shown(tax, node);
        node.classList.toggle("off", marks.length === 0);
        node.setAttribute("data-n", String(Math.min(marks.length, MAX_DEPTH)));
        for (var k = 0; k < MAX_DEPTH; k++) {
          if (k < marks.length) node.style.setProperty("--c" + k, "var(--k" + marks[k].k + ")");
          else node.style.removeProperty("--c" + k);
        }
      });
    }

    root.addEventListener("click", function (event) {
      var target = event.target;
      var button = target.closest(".switch button");
      if (button) {
        var tax = button.getAttribute("data-tax");
        root.querySelectorAll(".switch button").forEach(function (b) {
          b.setAttribute("aria-pressed", String(b === button));
        });
        root.querySelectorAll(".tax").forEach(function (layer) {
          layer.hidden = layer.getAttribute("data-tax") !== tax;
        });
        hide();
        return;
      }
      if (target.closest(".detail .close")) { hide(); return; }
      var mark = target.closest("mark.s");
      if (mark) open(mark);
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); return; }
      var mark = event.target.closest && event.target.closest("mark.s");
      if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); open(mark); }
    });
    root.addEventListener("change", function (event) {
      var box = event.target;
      var layer = box.closest(".tax");
      if (!layer) return;
      var tax = layer.getAttribute("data-tax");
      if (box.hasAttribute("data-category")) {
        box.closest("li.cat").querySelectorAll("input[data-label]").forEach(function (b) { b.checked = box.checked; });
      }
      off[tax] = {};
      layer.querySelectorAll("input[data-label]").forEach(function (b) {
        if (!b.checked) off[tax][b.getAttribute("data-label")] = true;
      });
      repaint(tax);
      hide();
    });
  }

  document.querySelectorAll(".slant-report").forEach(setup);
})();
