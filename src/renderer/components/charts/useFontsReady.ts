import { useEffect, useState } from 'react';

/**
 * True once the Thai font is loaded: a canvas draws with whatever font is there when it draws
 * and never redraws when the webfont arrives, so a chart drawn too early keeps a fallback font
 * (or boxes) for its Thai labels. Asks for Sarabun's Thai glyphs (its Thai subset is a file of
 * its own) in both weights, then waits for every pending font.
 */
export function useFontsReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const fonts = document.fonts;
    void Promise.all([fonts.load("16px 'Sarabun'", 'กขค'), fonts.load("600 16px 'Sarabun'", 'กขค')])
      .catch(() => undefined)
      .then(() => fonts.ready)
      .then(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
