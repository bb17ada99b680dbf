//! How server functions answer: in postcard to our own wasm, in JSON to
//! every other client.
//!
//! The wasm asks for postcard (`Accept: application/x-postcard`, sent by
//! every server-function call it makes): a compact binary format whose
//! decoder is a fraction of serde_json's. Taking JSON out of the browser
//! took 38 KB of gzip (10%) off the first wasm piece. Scripts, `curl` and
//! the tests ask for nothing in particular and get JSON, as the README's
//! HTTP API promises, with `Content-Type: application/json`.
//!
//! The encoder cannot see the request, so on the server it reads the
//! `Accept` header from the request's context. A browser form posted
//! before the wasm loaded accepts HTML: its answer is a redirect, any
//! error travelling in the URL to be decoded by the page the server
//! renders next. That decoder is this one, so such errors are written in
//! postcard too: whatever this module writes in JSON leaves the
//! application and is never read back.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The encoding of every server function's answer and error.
pub struct Wire;

/// A server function's answer, `POST` with its input form-encoded:
/// `#[server(output = Answer)]`.
pub type Answer = Post<Wire>;

impl ContentType for Wire {
    const CONTENT_TYPE: &'static str = "application/x-postcard";
}

impl FormatType for Wire {
    const FORMAT_TYPE: Format = Format::Binary;
}

/// A value that could not be written or read; never shown to a person
/// (the caller turns it into `ApiError::Transport`).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WireError(String);

impl<T: Serialize> Encodes<T> for Wire {
    type Error = WireError;

    fn encode(value: &T) -> Result<Bytes, WireError> {
        if let Some(json) = for_another_client(value) {
            return json;
        }
        postcard::to_allocvec(value)
            .map(Bytes::from)
            .map_err(|e| WireError(e.to_string()))
    }
}

/// On the server, `value` in JSON when the request comes from neither our
/// wasm nor a form.
#[cfg(feature = "ssr")]
fn for_another_client<T: Serialize>(value: &T) -> Option<Result<Bytes, WireError>> {
    (server::reader() == server::Reader::Other).then(|| server::json(value))
}

/// The browser only encodes its own calls' errors, read back by itself.
#[cfg(not(feature = "ssr"))]
fn for_another_client<T: Serialize>(_: &T) -> Option<Result<Bytes, WireError>> {
    None
}

impl<T: DeserializeOwned> Decodes<T> for Wire {
    type Error = WireError;

    fn decode(bytes: Bytes) -> Result<T, WireError> {
        postcard::from_bytes(&bytes).map_err(|e| WireError(e.to_string()))
    }
}

#[cfg(feature = "ssr")]
pub use server::{Reader, reader};

#[cfg(feature = "ssr")]
mod server {
    use axum::http::header::{ACCEPT, CONTENT_TYPE};
    use axum::http::{HeaderValue, request::Parts};
    use leptos::prelude::use_context;
    use leptos::server_fn::{Bytes, ContentType};
    use leptos_axum::ResponseOptions;
    use serde::Serialize;

    use super::{Wire, WireError};

    /// Who reads the answer of the request being served, by its `Accept`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Reader {
        /// Our wasm: postcard.
        Wasm,
        /// A browser that posted a form before the wasm loaded: a redirect
        /// back to the page, the error (if any) in its URL.
        Form,
        /// Any other client: JSON.
        Other,
    }

    /// Outside a request (a page's own call, a test) the answer is read
    /// back by this crate, as the wasm would.
    pub fn reader() -> Reader {
        let Some(parts) = use_context::<Parts>() else {
            return Reader::Wasm;
        };
        let accept = parts
            .headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if accept.contains(Wire::CONTENT_TYPE) {
            Reader::Wasm
        } else if accept.contains("text/html") {
            Reader::Form
        } else {
            Reader::Other
        }
    }

    /// `value` in JSON, the answer's content type said so (the response
    /// options are applied after the server function's own headers).
    pub fn json<T: Serialize>(value: &T) -> Result<Bytes, WireError> {
        let bytes = serde_json::to_vec(value).map_err(|e| WireError(e.to_string()))?;
        if let Some(response) = use_context::<ResponseOptions>() {
            response.insert_header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        Ok(bytes.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::ApiError;
    use crate::contracts::error::{FieldProblem, FormField};
    use crate::i18n::Msg;

    /// Outside a request (no context) the answer is postcard, and it reads
    /// back whole: messages travel by name, enums by index.
    #[test]
    fn an_error_survives_the_round_trip() {
        let errors = [
            ApiError::Unauthenticated,
            ApiError::Public(Msg::InvalidCredentials),
            ApiError::Fields(vec![FieldProblem {
                field: FormField::Custom("badge".into()),
                msg: Msg::ErrEmailInvalid,
            }]),
            ApiError::SeatsFull {
                limit: 10,
                used: 10,
            },
        ];
        for error in errors {
            let bytes = <Wire as Encodes<ApiError>>::encode(&error).unwrap();
            let back: ApiError = <Wire as Decodes<ApiError>>::decode(bytes).unwrap();
            assert_eq!(back, error);
        }
    }

    #[test]
    fn a_message_is_written_by_name() {
        let bytes = <Wire as Encodes<Msg>>::encode(&Msg::ErrEmailInvalid).unwrap();
        assert!(bytes.ends_with(b"ErrEmailInvalid"), "{bytes:?}");
        let unknown = <Wire as Encodes<&str>>::encode(&"NoSuchMessage").unwrap();
        assert!(<Wire as Decodes<Msg>>::decode(unknown).is_err());
    }
}
