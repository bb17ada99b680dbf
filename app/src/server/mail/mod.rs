//! Mail: what is written (`templates`), how it leaves (`transport`, over
//! `smtp`'s pool of connections), and the
//! background worker that delivers the outbox (`worker`).
//!
//! Code that causes a mail renders it with a template and queues it with
//! `store::outbox::enqueue` in its own transaction, then, after the commit,
//! rings `state.mail_wakeup.notify_one()` so the worker does not wait for
//! its next poll. The worker claims due rows, sends them and records the
//! outcome; an expired lease makes a row due again, so a crash loses
//! nothing.

pub mod mailbox;
pub mod smtp;
pub mod templates;
pub mod transport;
pub mod worker;

pub use templates::{
    AccountOpenedMail, InvitationMail, Rendered, SeatWaitingMail, SetPasswordMail, account_opened,
    invitation, seat_waiting, set_password,
};
pub use transport::Transport;
pub use worker::{DeliveryReport, deliver_due, spawn_worker};

use super::config::Config;

/// The right-hand side of the Message-IDs we generate: the public URL's
/// host, else `onboard`.
pub fn message_id_domain(config: &Config) -> String {
    config
        .public_url
        .host_str()
        .filter(|h| !h.is_empty())
        .unwrap_or("onboard")
        .to_owned()
}
