// Type declarations for a dependency whose package "exports" hide its own typings from TypeScript.
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';
  export interface CypherEditorProps {
    value?: string;
    onValueChanged?: (value: string) => void;
    schema?: { labels?: string[]; relationshipTypes?: string[]; propertyKeys?: string[] };
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    autofocus?: boolean;
    placeholder?: string;
    className?: string;
    onEditorCreated?: (editor: { codemirror: { contentDOM: HTMLElement } }) => void;
  }
  export const CypherEditor: ComponentType<CypherEditorProps>;
}
