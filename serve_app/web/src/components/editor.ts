// The code editor: CodeMirror 6 with Python highlighting. Tab indents, so Escape (then Tab)
// moves focus on, and Ctrl/Cmd+Enter submits, keeping the editor usable from the keyboard.

import { defaultKeymap, history, historyKeymap, indentWithTab, temporarilySetTabFocusMode } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder as placeholderText,
} from "@codemirror/view";

export interface CodeEditorOptions {
  doc?: string;
  label?: string;
  placeholder?: string;
  /** Id of the element holding help text for the editor (aria-describedby). */
  describedBy?: string;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
}

export interface CodeEditor {
  readonly element: HTMLElement;
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  destroy(): void;
}

export const EDITOR_HELP = "Tab indents. Press Escape, then Tab, to leave the editor. Ctrl+Enter (Cmd+Enter on a Mac) submits.";

export function createCodeEditor(options: CodeEditorOptions = {}): CodeEditor {
  const element = document.createElement("div");
  element.className = "code-editor";
  const submitKeys = Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        run: () => {
          options.onSubmit?.();
          return true;
        },
      },
      { key: "Escape", run: temporarilySetTabFocusMode },
    ]),
  );
  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc: options.doc ?? "",
      extensions: [
        submitKeys,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(),
        EditorState.tabSize.of(4),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        placeholderText(options.placeholder ?? ""),
        EditorView.contentAttributes.of({
          "aria-label": options.label ?? "Code editor",
          "aria-multiline": "true",
          spellcheck: "false",
          autocapitalize: "off",
          autocorrect: "off",
          ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
        }),
      ],
    }),
  });
  return {
    element,
    getValue: () => view.state.doc.toString(),
    setValue: (text: string) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
