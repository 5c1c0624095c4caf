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
  source.select();
  if (navigator.clipboard) {
    navigator.clipboard.writeText(source.value).catch(() => document.execCommand('copy'));
  } else {
    document.execCommand('copy');
  }
});
