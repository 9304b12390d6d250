// Placeholder: the preload exposes window.api.
export {};
