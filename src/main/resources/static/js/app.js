// Small progressive enhancements; every page works without them.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button.copy[data-copy]');
  if (!button) {
    return;
  }
  const source = document.getElementById(button.dataset.copy);
  if (!source) {
    return;
  }
  // the text stays folded away under the answer; the older way of copying needs it shown and selected
  const copyShown = () => {
    const folded = source.closest('details');
    if (folded) {
      folded.open = true;
    }
    source.select();
    document.execCommand('copy');
  };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(source.value).catch(copyShown);
  } else {
    copyShown();
  }
});

// the navigation's menus: one open at a time, closed by Escape or a click elsewhere
const navigationMenus = () => document.querySelectorAll('.nav-group details');
document.addEventListener('toggle', (event) => {
  const opened = event.target;
  if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.closest('.nav-group')) {
    return;
  }
  navigationMenus().forEach((menu) => {
    if (menu !== opened) {
      menu.open = false;
    }
  });
}, true);
document.addEventListener('click', (event) => {
  navigationMenus().forEach((menu) => {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  navigationMenus().forEach((menu) => {
    if (menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
});
