// Types for the CommonJS build script, so TypeScript tests can import it.
export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
}
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: MetadataFunction[];
}
export interface TranslationTable {
  functions: Record<
    string,
    {
      name?: string;
      description?: string;
      parameters?: Record<string, { name?: string; description?: string }>;
    }
  >;
}
export function localizeMetadata<M extends Metadata>(metadata: M, table: TranslationTable): M;
export function missingTranslations(metadata: Metadata, table: TranslationTable): string[];
export function tableProblems(metadata: Metadata, table: TranslationTable): string[];
/** The metadata with allowCustomDataForDataTypeAny and allowErrorForDataTypeAny set, first. */
export function withMetadataOptions<M extends Metadata>(metadata: M): M;
export const EXCEL_NAME: RegExp;
