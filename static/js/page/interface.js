// The page's language, Streamlit's own English texts in the interface's language (and back
// in English), a name and a place in the tab order for each box that scrolls sideways, and a
// phone's menu that closes when a page is chosen. Run on every page run, with the settings of
// ui/interface.py; the observer is made once per page load.
window.soderort = window.soderort || {};

window.soderort.interface = (settings) => {
  // data-title: the chart's mode bar shows its buttons' names from it (Streamlit's own
  // "Fullscreen" among them, which Plotly's locale does not reach).
  const attributes = ["aria-label", "title", "placeholder", "data-title"];
  window.sodInterface = window.sodInterface || {};
  const state = window.sodInterface;
  state.settings = settings;
  document.documentElement.lang = settings.language;

  function swedish(text) {
    const words = state.settings.words;
    if (Object.hasOwn(words, text)) {
      return words[text];
    }
    let i, pair;
    for (i = 0; i < state.settings.prefixes.length; i++) {
      pair = state.settings.prefixes[i];
      if (text.indexOf(pair[0]) === 0) {
        return pair[1] + text.slice(pair[0].length);
      }
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
    const value = element.getAttribute(name);
    const key = `sodEn${name.replace(/-/g, "")}`;
    if (value === null) {
      return;
    }
    if (state.settings.language === "en") {
      if (element.dataset[key] !== undefined && value === element.dataset[`${key}Sv`]) {
        element.setAttribute(name, element.dataset[key]);
      }
      return;
    }
    const replaced = swedish(value);
    if (replaced !== null && replaced !== value) {
      element.dataset[key] = value;
      element.dataset[`${key}Sv`] = replaced;
      element.setAttribute(name, replaced);
    }
  }
  function fixText(node) {
    const value = node.nodeValue.trim();
    if (!value) {
      return;
    }
    if (state.settings.language === "en") {
      if (node.sodEnglish !== undefined && value === node.sodSwedish) {
        node.nodeValue = node.sodEnglish;
      }
      return;
    }
    const words = state.settings.words;
    if (Object.hasOwn(words, value)) {
      node.sodEnglish = node.nodeValue;
      node.sodSwedish = words[value];
      node.nodeValue = words[value];
    }
  }
  // A box that scrolls sideways is a named region in the tab order, so that a keyboard can
  // reach it and scroll it with the arrow keys (a chart inside may have nothing to focus yet).
  function fixRegions(root) {
    state.settings.regions.forEach((region) => {
      const found = [].slice.call(root.querySelectorAll(region[0]));
      if (root.matches(region[0])) {
        found.push(root);
      }
      found.forEach((element) => {
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
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    const box = node.matches(".hovertext") ? node : node.querySelector(".hovertext");
    const scrolls = state.settings.regions.map((region) => region[0]).join(",");
    if (box?.closest(scrolls)) {
      box.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }
  function fix(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      fixText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (root.matches("script, style")) {
      return;
    }
    fixRegions(root);
    attributes.forEach((name) => {
      if (root.hasAttribute(name)) {
        fixAttribute(root, name);
      }
      root.querySelectorAll(`[${name}]`).forEach((element) => {
        fixAttribute(element, name);
      });
    });
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      fixText(walker.currentNode);
    }
  }
  if (!state.observer) {
    state.observer = new MutationObserver((changes) => {
      changes.forEach((change) => {
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
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: attributes,
    });
  }
  fix(document.body);
  // A page chosen in the menu on a phone closes the menu, which covers most of the screen.
  // Streamlit closes it only for a browser that names itself a phone, not for a narrow window.
  if (!state.closesMenu) {
    state.closesMenu = true;
    document.addEventListener(
      "click",
      (event) => {
        if (
          !event.target.closest ||
          !event.target.closest('[data-testid="stSidebarNavLink"]') ||
          window.innerWidth > state.settings.phoneMaxWidth
        ) {
          return;
        }
        setTimeout(() => {
          const close = document.querySelector(
            '[data-testid="stSidebarCollapseButton"] button[aria-expanded="true"]',
          );
          if (close) {
            close.click();
          }
        }, 0);
      },
      true,
    );
  }
};
