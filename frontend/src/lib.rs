//! The browser half: hydrates the server-rendered page and nothing else.

// Deeply nested view types of the hydrated app exceed the default limit.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy: a page whose route lives in a split-off piece of wasm waits for
    // that piece before hydrating (cargo-leptos `--split`).
    leptos::mount::hydrate_lazy(app::ui::App);
}
