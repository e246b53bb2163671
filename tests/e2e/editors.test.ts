import { defineEditorMatrix } from './editor-matrix.ts';

defineEditorMatrix('chromium');
defineEditorMatrix('firefox');
