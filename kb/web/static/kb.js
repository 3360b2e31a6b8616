// kb's page works without this script; it adds the "copy citation" buttons and opens a draft
// check's evidence beside the mark that was clicked, instead of scrolling to the list.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // older browsers, or a page served on another host than this machine (no secure context)
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand("copy");
  area.remove();
  return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function setUpCopyButtons(root) {
  for (const button of root.querySelectorAll("button.copy[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      copyText(button.dataset.copy).then(
        () => { button.textContent = "Copied"; },
        () => { button.textContent = "Select the citation to copy it"; });
      setTimeout(() => { button.textContent = "Copy citation"; }, 2000);
    });
  }
}

let popover = null;

function closePopover() {
  if (popover) {
    popover.opener.focus();
    popover.remove();
    popover = null;
  }
}

function openEvidence(link) {
  closePopover();
  const detail = document.getElementById("claim-" + link.dataset.claim);
  if (!detail) return;
  popover = document.createElement("div");
  popover.className = "popover";
  popover.setAttribute("role", "dialog");
  popover.setAttribute("aria-label", detail.getAttribute("aria-label"));
  const close = document.createElement("button");
  close.type = "button";
  close.className = "copy close";
  close.textContent = "Close";
  close.addEventListener("click", closePopover);
  popover.appendChild(close);
  for (const child of detail.children) popover.appendChild(child.cloneNode(true));
  popover.removeAttribute("id");
  popover.opener = link;
  document.body.appendChild(popover);
  const box = link.getBoundingClientRect();
  popover.style.top = (window.scrollY + box.bottom + 6) + "px";
  popover.style.left = Math.max(8, Math.min(window.scrollX + box.left - 100,
                                            document.documentElement.clientWidth - popover.offsetWidth - 8)) + "px";
  setUpCopyButtons(popover);
  close.focus();
}

function setUpEvidence() {
  for (const link of document.querySelectorAll("a.verdict[data-claim]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openEvidence(link);
    });
  }
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closePopover(); });
  document.addEventListener("click", (event) => {
    if (popover && !popover.contains(event.target) && !event.target.matches("a.verdict")) closePopover();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpCopyButtons(document);
  setUpEvidence();
});
