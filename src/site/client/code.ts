/**
 * Copy buttons of code blocks. The text to copy is rendered at build time into `data-copy`
 * (for bash: the commands only, without `$ ` and without the output), so the browser never has to
 * re-split a block.
 */
function onClick(event: Event): void {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.mesh-code__copy');
  if (!button) return;
  const text = button.dataset.copy ?? '';
  void navigator.clipboard.writeText(text).then(
    () => flash(button, 'Copied'),
    () => flash(button, 'Copy failed'),
  );
}

function flash(button: HTMLButtonElement, label: string): void {
  button.textContent = label;
  button.dataset.state = label === 'Copied' ? 'done' : 'error';
  window.setTimeout(() => {
    button.textContent = 'Copy';
    delete button.dataset.state;
  }, 1500);
}

document.addEventListener('click', onClick);
