"""What every page's frame needs beyond Streamlit: the page's language, visible focus,
Streamlit's own front-end texts in the interface language, and a name and a place in the tab
order for each box that scrolls sideways.

Streamlit 1.67 writes some texts of its own in English whatever the app says: the labels of
its help buttons ("Help for Tidplan"), of the sidebar's buttons, the table's toolbar, the
slider's thumbs, and it declares every page ``<html lang="en">``. It has no setting for them. A
small script in the page (our own text only, no data) replaces them with the texts of
`soderort.i18n.frontend` and keeps doing so as Streamlit draws; in English it puts Streamlit's own
words back.
"""

from __future__ import annotations

import streamlit as st

from soderort import inert, viewstate
from soderort.i18n import frontend, t
from soderort.palette import FOCUS_COLOUR

# Narrower than this is a phone: the layout changes for it.
PHONE_MAX_WIDTH_PX = 640
# Keyboard focus is a ring around the element, never a fill: Streamlit shows the focused page
# link with the same tint as the current page, so a keyboard user could not tell them apart.
# The current page gets a bar at its left edge and bold text of its own.
INTERFACE_CSS = f"""<style>
:focus-visible {{ outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px; }}
[data-testid="stSidebarNavLink"]:focus-visible {{ outline-offset: -3px; }}
[data-testid="stSidebarNavLink"]:focus-visible:not([aria-current="page"]) {{
  background-color: transparent;
}}
[data-testid="stSidebarNavLink"][aria-current="page"] {{
  box-shadow: inset 4px 0 0 {FOCUS_COLOUR};
}}
[data-testid="stSidebarNavLink"][aria-current="page"] span {{ font-weight: 600; }}
/* A phone has no room for a table wider than the screen (a region that scrolls sideways is
   also one a keyboard cannot reach): the columns share the width and long words break. */
@media (max-width: {PHONE_MAX_WIDTH_PX}px) {{
  [data-testid="stTableStyledTable"] {{ table-layout: fixed; width: 100%; }}
  [data-testid="stTableStyledTable"] th, [data-testid="stTableStyledTable"] td {{
    overflow-wrap: anywhere; hyphens: auto; padding: 4px 5px;
  }}
  /* The cells' text sits in Streamlit's Markdown blocks, which do not inherit the breaking. */
  [data-testid="stTableStyledTable"] :is(th, td) * {{ overflow-wrap: anywhere !important; }}
}}
</style>"""

_SCRIPT = """<script>
(function () {
  var settings = %s;
  var attributes = ["aria-label", "title", "placeholder"];
  var state = window.sodInterface = window.sodInterface || {};
  state.settings = settings;
  document.documentElement.lang = settings.language;

  function swedish(text) {
    var words = state.settings.words;
    if (Object.prototype.hasOwnProperty.call(words, text)) { return words[text]; }
    var i, pair;
    for (i = 0; i < state.settings.prefixes.length; i++) {
      pair = state.settings.prefixes[i];
      if (text.indexOf(pair[0]) === 0) { return pair[1] + text.slice(pair[0].length); }
    }
    for (i = 0; i < state.settings.suffixes.length; i++) {
      pair = state.settings.suffixes[i];
      if (text.length > pair[0].length && text.slice(-pair[0].length) === pair[0]) {
        return text.slice(0, -pair[0].length) + pair[1];
      }
    }
    return null;
  }
  // Each replaced text remembers Streamlit's own, so that English can put it back.
  function fixAttribute(element, name) {
    var value = element.getAttribute(name);
    var key = "sodEn" + name.replace(/-/g, "");
    if (value === null) { return; }
    if (state.settings.language === "en") {
      if (element.dataset[key] !== undefined && value === element.dataset[key + "Sv"]) {
        element.setAttribute(name, element.dataset[key]);
      }
      return;
    }
    var replaced = swedish(value);
    if (replaced !== null && replaced !== value) {
      element.dataset[key] = value;
      element.dataset[key + "Sv"] = replaced;
      element.setAttribute(name, replaced);
    }
  }
  function fixText(node) {
    var value = node.nodeValue.trim();
    if (!value) { return; }
    if (state.settings.language === "en") {
      if (node.sodEnglish !== undefined && value === node.sodSwedish) {
        node.nodeValue = node.sodEnglish;
      }
      return;
    }
    var words = state.settings.words;
    if (Object.prototype.hasOwnProperty.call(words, value)) {
      node.sodEnglish = node.nodeValue;
      node.sodSwedish = words[value];
      node.nodeValue = words[value];
    }
  }
  // A box that scrolls sideways is a named region in the tab order, so that a keyboard can
  // reach it and scroll it with the arrow keys (a chart inside may have nothing to focus yet).
  function fixRegions(root) {
    state.settings.regions.forEach(function (region) {
      var found = [].slice.call(root.querySelectorAll(region[0]));
      if (root.matches(region[0])) { found.push(root); }
      found.forEach(function (element) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "region");
        if (element.getAttribute("aria-label") !== region[1]) {
          element.setAttribute("aria-label", region[1]);
        }
      });
    });
  }
  // A chart's hover box (a tapped mark's) inside a box that scrolls sideways is scrolled into
  // view: the browser would otherwise cut it at the box's edge.
  function showHoverBox(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) { return; }
    var box = node.matches(".hovertext") ? node : node.querySelector(".hovertext");
    var scrolls = state.settings.regions.map(function (region) { return region[0]; }).join(",");
    if (box && box.closest(scrolls)) {
      box.scrollIntoView({block: "nearest", inline: "nearest"});
    }
  }
  function fix(root) {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) { return; }
    if (root.matches("script, style")) { return; }
    fixRegions(root);
    attributes.forEach(function (name) {
      if (root.hasAttribute(name)) { fixAttribute(root, name); }
      root.querySelectorAll("[" + name + "]").forEach(function (element) {
        fixAttribute(element, name);
      });
    });
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) { fixText(walker.currentNode); }
  }
  if (!state.observer) {
    state.observer = new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "attributes") {
          fixAttribute(change.target, change.attributeName);
        } else if (change.type === "characterData") {
          fixText(change.target);
        } else {
          change.addedNodes.forEach(fix);
          change.addedNodes.forEach(showHoverBox);
        }
      });
    });
    state.observer.observe(document.body, {
      subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: attributes
    });
  }
  fix(document.body);
  // A page chosen in the menu on a phone closes the menu, which covers most of the screen.
  // Streamlit closes it only for a browser that names itself a phone, not for a narrow window.
  if (!state.closesMenu) {
    state.closesMenu = true;
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest('[data-testid="stSidebarNavLink"]')
          || window.innerWidth > state.settings.phoneMaxWidth) { return; }
      setTimeout(function () {
        var close = document.querySelector(
          '[data-testid="stSidebarCollapseButton"] button[aria-expanded="true"]'
        );
        if (close) { close.click(); }
      }, 0);
    }, true);
  }
})();
</script>"""


def _frontend_texts(language: str) -> dict[str, object]:
    """Streamlit's English texts and their replacements, split by how they are matched, and the
    names of the boxes that scroll sideways."""
    return {
        "language": language,
        "phoneMaxWidth": PHONE_MAX_WIDTH_PX,
        "words": dict(frontend.WORDS),
        "prefixes": list(frontend.PREFIXES.items()),
        "suffixes": list(frontend.SUFFIXES.items()),
        "regions": [
            [f".st-key-{viewstate.TIMELINE_SCROLL_KEY}", t("timeline.scroll_region", language)],
            [
                f".st-key-{viewstate.PLACE_CHART_SCROLL_KEY}",
                t("place.timeline.scroll_region", language),
            ],
        ],
    }


def apply_interface(language: str) -> None:
    """Declare the page's language, show keyboard focus, and put Streamlit's texts in it."""
    st.html(INTERFACE_CSS)
    # The settings are the app's own constant texts (no data, no URL): safe to run as script.
    script = _SCRIPT % inert.script_json(_frontend_texts(language))
    st.html(script, unsafe_allow_javascript=True)
