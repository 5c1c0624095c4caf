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
