use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::custom_field::Labels;
use crate::i18n::{Lang, Msg};

/// What a server function tells the browser when it refuses: a message
/// key the UI translates, never an internal detail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{0:?}")]
    Public(Msg),
    /// A refused value of a named field (a custom field): its label in
    /// both languages, and why.
    #[error("refused field: {msg:?}")]
    Field { labels: Labels, msg: Msg },
    /// A form refused as a whole: every input that needs correcting, each
    /// with why, so the form shows them all at once, each on its input.
    #[error("refused fields: {0:?}")]
    Fields(Vec<FieldProblem>),
    /// No seat is free for one more billable member: the limit and the
    /// members counted against it, said to the admin.
    #[error("no seat free: {used}/{limit}")]
    SeatsFull { limit: i64, used: i64 },
    #[error("internal error")]
    Internal,
    /// The request was refused before any function ran: arguments that do
    /// not parse, a body too large or of a type no function reads, a post
    /// from another site. `text` is the sentence in the caller's language,
    /// for clients that show the body as it comes (scripts, a form posted
    /// before the wasm loads); the UI translates `msg` itself.
    #[error("refused request: {msg:?}")]
    Refused { msg: Msg, text: String },
    /// The request did not reach the function or its answer did not come back.
    #[error("transport: {0}")]
    Transport(String),
}

/// An input of a form a refusal is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FormField {
    FirstName,
    LastName,
    Email,
    LoginName,
    Password,
    PasswordConfirm,
    /// The choice between a typed password and the mailed link.
    Credentials,
    Groups,
    Roles,
    DeletionDate,
    ExtraInfo,
    /// A custom field, by key.
    Custom(String),
    /// A group's name, its parent.
    Name,
    Parent,
    /// A custom field definition's key, labels, type and choices.
    Key,
    Labels,
    Kind,
    Choices,
}

/// One input refused, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: FormField,
    pub msg: Msg,
}

impl ApiError {
    /// Why `field` was refused, if it was.
    pub fn on_field(&self, field: &FormField) -> Option<Msg> {
        match self {
            ApiError::Fields(problems) => {
                problems.iter().find(|p| &p.field == field).map(|p| p.msg)
            }
            _ => None,
        }
    }
}

impl ApiError {
    /// A refusal of the request itself, worded in `lang`.
    pub fn refused(msg: Msg, lang: Lang) -> Self {
        ApiError::Refused {
            msg,
            text: lang.t(msg).to_owned(),
        }
    }

    pub fn message(&self) -> Msg {
        match self {
            ApiError::Unauthenticated => Msg::ErrUnauthenticated,
            ApiError::Forbidden => Msg::ErrForbidden,
            ApiError::NotFound => Msg::ErrNotFound,
            ApiError::Public(msg) | ApiError::Field { msg, .. } | ApiError::Refused { msg, .. } => {
                *msg
            }
            ApiError::Fields(_) => Msg::ErrFixFields,
            ApiError::SeatsFull { .. } => Msg::ErrNoSeat,
            ApiError::Internal => Msg::ErrInternal,
            ApiError::Transport(_) => Msg::ErrNetwork,
        }
    }
}

impl ApiError {
    /// The whole sentence to show, with the field's label when there is one.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ApiError::Field { labels, msg } => lang.fmt(
                Msg::FieldErrorOn,
                &[
                    ("label", labels.get(lang).into()),
                    ("reason", lang.t(*msg).into()),
                ],
            ),
            ApiError::SeatsFull { limit, used } => lang.fmt(
                Msg::ErrSeatsFull,
                &[("limit", (*limit).into()), ("used", (*used).into())],
            ),
            other => lang.t(other.message()).to_owned(),
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = super::wire::Wire;

    /// On the server, while answering a request, the failure is the
    /// request's (see `server::error::request_failure`); in the browser it
    /// is the network's or the answer's.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(refused) = crate::server::error::request_failure(&value) {
            return refused;
        }
        ApiError::Transport(value.to_string())
    }
}
