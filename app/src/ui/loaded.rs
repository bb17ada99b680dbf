//! A page's data: loaded by a server function while the server renders
//! the page, then carried to the browser inside the page so that it
//! hydrates without asking again. It travels in postcard, as server
//! functions answer the wasm (`contracts::wire`): the browser then needs
//! no JSON decoder at all.

use codee::binary::PostcardCodec;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A resource whose value crosses from server to browser in postcard.
pub type Loaded<T> = Resource<T, PostcardCodec>;

/// `Resource::new`, in postcard: reloads whenever `source` changes.
#[track_caller]
pub fn loaded<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Loaded<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}
