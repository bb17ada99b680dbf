//! The top bar's menus (`+ Ajouter`, the user menu): a `<details>` whose
//! summary is the menu button, so the menu opens before the wasm loads;
//! once hydrated it behaves as a keyboard user expects from a menu button —
//! it closes on a choice, on a click outside and on Escape (focus back on
//! the button), and the arrow keys, Home and End move between its items.
//! The items are links and a sign-out button, so this is the disclosure
//! navigation pattern of the WAI-ARIA practices rather than `role="menu"`,
//! which would hide the links' own semantics from screen readers.

use leptos::ev;
use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, Node};

/// What the arrow keys move between.
const ITEMS: &str = ".menu-list a[href], .menu-list button:not([disabled])";

#[component]
pub fn Menu(
    /// Extra classes of the `<details>` (e.g. `add-menu`).
    class: &'static str,
    /// The summary's accessible name when its content does not give one;
    /// it must contain the visible text (WCAG 2.5.3).
    #[prop(optional, into)]
    label: Option<String>,
    /// What the summary shows.
    trigger: AnyView,
    children: Children,
) -> impl IntoView {
    let details = NodeRef::<Details>::new();
    let close = move |refocus: bool| {
        let Some(d) = details.get_untracked() else {
            return;
        };
        if d.open() {
            d.set_open(false);
            if refocus {
                focus_summary(&d);
            }
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let Some(d) = details.get_untracked() else {
            return;
        };
        match ev.key().as_str() {
            "Escape" if d.open() => {
                ev.prevent_default();
                close(true);
            }
            key @ ("ArrowDown" | "ArrowUp" | "Home" | "End") => {
                ev.prevent_default();
                d.set_open(true);
                move_focus(&d, key);
            }
            _ => {}
        }
    };
    // A click anywhere outside closes the menu, as any menu does.
    let outside = window_event_listener(ev::pointerdown, move |ev| {
        let Some(d) = details.get_untracked() else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<Node>().ok())
            .is_some_and(|node| d.contains(Some(&node)));
        if d.open() && !inside {
            d.set_open(false);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <details class=format!("menu {class}") node_ref=details on:keydown=on_keydown>
            <summary aria-label=label>{trigger}</summary>
            // A choice closes the menu (client-side navigation keeps the
            // page, so the browser would not).
            <div
                class="menu-body"
                on:click=move |ev| {
                    let chose = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.closest("a[href], button").ok().flatten())
                        .is_some();
                    if chose {
                        close(false);
                    }
                }
            >
                {children()}
            </div>
        </details>
    }
}

fn focus_summary(d: &web_sys::HtmlDetailsElement) {
    if let Ok(Some(summary)) = d.query_selector("summary")
        && let Ok(summary) = summary.dyn_into::<HtmlElement>()
    {
        let _ = summary.focus();
    }
}

/// Moves the focus to the next / previous / first / last item, wrapping.
fn move_focus(d: &web_sys::HtmlDetailsElement, key: &str) {
    let Ok(list) = d.query_selector_all(ITEMS) else {
        return;
    };
    let items: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect();
    if items.is_empty() {
        return;
    }
    let active = document().active_element();
    let current = items.iter().position(|el| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    });
    let last = items.len() - 1;
    let next = match (key, current) {
        ("Home", _) | ("ArrowDown", None) => 0,
        ("End", _) | ("ArrowUp", None) => last,
        ("ArrowDown", Some(i)) => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        ("ArrowUp", Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
        _ => return,
    };
    let _ = items[next].focus();
}
