//! `/dev/mailbox`: the mails of the platform, readable in the browser, for
//! platform admins. Without an SMTP server this is the only place they go.
//! Each mail's HTML is shown in a sandboxed frame (no scripts, no access to
//! this page) whose links open in the whole window on a click.

use leptos::prelude::*;
use time::OffsetDateTime;

use super::format;
use super::lang::use_lang;
use super::loaded::loaded;
use super::widgets::Loading;
use crate::api::mailbox::{MailboxMail, get_mailbox};
use crate::i18n::{Lang, Msg};

/// The label and CSS classes of a delivery status.
fn status(lang: Lang, status: &str) -> (&'static str, &'static str) {
    match status {
        "sent" => (lang.t(Msg::MailboxSent), "status active"),
        "failed" => (lang.t(Msg::MailboxFailed), "status failed"),
        "sending" => (lang.t(Msg::MailboxSending), "status pending"),
        _ => (lang.t(Msg::MailboxQueued), "status pending"),
    }
}

/// `21/11/2026 08:00 UTC` / `Nov 21, 2026, 08:00 UTC`, and the machine
/// form for `<time datetime>`.
fn date_time(ms: i64, lang: Lang) -> (String, String) {
    let Ok(dt) = OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) else {
        return (String::new(), String::new());
    };
    let day = format::date(ms, lang);
    let clock = format!("{:02}:{:02}", dt.hour(), dt.minute());
    let shown = lang.fmt(
        Msg::MailboxDateTime,
        &[("day", day.into()), ("time", clock.clone().into())],
    );
    let machine = format!(
        "{:04}-{:02}-{:02}T{clock}:{:02}Z",
        dt.year(),
        u8::from(dt.month()),
        dt.day(),
        dt.second()
    );
    (shown, machine)
}

/// Links in the mail open in the whole window (the frame could not show
/// this site: it refuses to be framed).
fn with_base_target(html: &str) -> String {
    const BASE: &str = "<base target=\"_top\">";
    let lower = html.to_ascii_lowercase();
    match lower.find("<head>") {
        Some(at) => {
            let at = at + "<head>".len();
            format!("{}{BASE}{}", &html[..at], &html[at..])
        }
        None => format!("{BASE}{html}"),
    }
}

#[component]
pub fn MailboxPage() -> impl IntoView {
    let lang = use_lang();
    let mails = loaded(|| (), |_| get_mailbox());
    view! {
        <section class="page mailbox">
            <header class="page-header">
                <h1>{lang.t(Msg::MailboxTitle)}</h1>
                <p class="muted">{lang.t(Msg::MailboxIntro)}</p>
            </header>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match mails.await {
                        Ok(mails) if mails.is_empty() => {
                            view! {
                                <div class="empty-state">
                                    <p>{lang.t(Msg::MailboxEmpty)}</p>
                                    <p class="muted">{lang.t(Msg::MailboxEmptyHint)}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(mails) => {
                            mails
                                .into_iter()
                                .map(|mail| view! { <MailView mail /> })
                                .collect_view()
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <p class="form-error" role="alert">
                                    {lang.t(e.message())}
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MailView(mail: MailboxMail) -> impl IntoView {
    let lang = use_lang();
    let heading_id = format!("mail-{}", mail.id);
    let labelled_by = heading_id.clone();
    let (label, class) = status(lang, &mail.status);
    let (shown, machine) = date_time(mail.sent_at.unwrap_or(mail.created_at), lang);
    let frame_title = format!(
        "{} — {}",
        lang.fmt(Msg::MailboxFrameTitle, &[("to", (&mail.recipient).into())]),
        mail.subject
    );
    let srcdoc = with_base_target(&mail.body_html);
    view! {
        <article class="panel mail" aria-labelledby=labelled_by>
            <h2 id=heading_id>{mail.subject.clone()}</h2>
            <dl class="mail-meta">
                <dt>{lang.t(Msg::MailboxTo)}</dt>
                <dd>{mail.recipient.clone()}</dd>
                <dt>{lang.t(Msg::MailboxDate)}</dt>
                <dd>
                    <time datetime=machine>{shown}</time>
                </dd>
                <dt>{lang.t(Msg::MailboxStatus)}</dt>
                <dd>
                    <span class=class>{label}</span>
                </dd>
                {mail
                    .last_error
                    .clone()
                    .map(|error| {
                        view! {
                            <dt>{lang.t(Msg::MailboxLastError)}</dt>
                            <dd>
                                <code>{error}</code>
                            </dd>
                        }
                    })}
            </dl>
            <iframe
                class="mail-frame"
                title=frame_title
                srcdoc=srcdoc
                sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
                style="display:block;width:100%;height:32rem;border:1px solid #d0d5dc;border-radius:6px;background:#fff;"
            ></iframe>
            <details class="mail-text">
                <summary>{lang.t(Msg::MailboxPlainVersion)}</summary>
                <pre style="white-space:pre-wrap;overflow-wrap:anywhere;">{mail.body_text.clone()}</pre>
            </details>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_links_open_in_the_whole_window() {
        assert_eq!(
            with_base_target("<html><HEAD><title>x</title></HEAD></html>"),
            "<html><HEAD><base target=\"_top\"><title>x</title></HEAD></html>"
        );
        assert_eq!(
            with_base_target("<p>x</p>"),
            "<base target=\"_top\"><p>x</p>"
        );
    }

    #[test]
    fn dates_show_the_time_in_utc() {
        let ms = 1_795_248_000_000; // 2026-11-21T08:00:00Z
        assert_eq!(
            date_time(ms, Lang::Fr),
            ("21/11/2026 08:00 UTC".into(), "2026-11-21T08:00:00Z".into())
        );
        assert_eq!(date_time(ms, Lang::En).0, "Nov 21, 2026, 08:00 UTC");
    }
}
