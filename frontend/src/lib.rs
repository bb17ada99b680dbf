//! The browser half: hydrates the server-rendered page and nothing else.

// Deeply nested view types of the hydrated app exceed the default limit.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::ui::App);
}
