// Monaco's base editor worker, bundled from the local monaco-editor package (no CDN).
import "monaco-editor/editor/editor.worker";
