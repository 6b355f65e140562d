// Imported STIX intelligence: reached through `@taskforce/core/stix-import`, served by the exchange function only.
export * from './bundle';
export * from './commands';
export * from './map';
export * from './marking';
export * from './model';
export * from './ports';
