import { useEffect, useState } from 'preact/hooks';
import { flash } from './flash';

/**
 * Announces (role=status) what the previous screen's form did, once, on the screen it moved to:
 * the region mounts empty and then takes the text, so screen readers speak it as a change.
 */
export function Flash() {
  const [text, setText] = useState('');
  useEffect(() => {
    setText(flash.value);
    flash.value = '';
  }, []);
  return (
    <p role="status" class="ok">
      {text}
    </p>
  );
}
