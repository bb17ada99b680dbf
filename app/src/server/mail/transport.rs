//! Where mails go: an SMTP server, or nowhere (the development mailbox).
//!
//! # SMTP URL
//!
//! `ONBOARD_SMTP_URL` (`Config::smtp_url`) reads
//! `scheme://[user:password@]host[:port][/ehlo-name][?tls=mode]`:
//!
//! | URL                                   | connection                         | default port |
//! |---------------------------------------|------------------------------------|--------------|
//! | `smtp://user:pass@host:587`           | STARTTLS, required                 | 587          |
//! | `smtp+starttls://user:pass@host`      | the same, spelt out                | 587          |
//! | `smtps://user:pass@host:465`          | implicit TLS from the first byte   | 465          |
//! | `smtp://host?tls=opportunistic`       | STARTTLS when offered, else plain  | 587          |
//! | `smtp://host:25?tls=none`             | plain text (MailDev, local relays) | 25           |
//!
//! `tls=required` may also be written. User and password are
//! percent-decoded. Credentials are refused with `tls=none` and
//! `tls=opportunistic`: a password never travels in clear.
//!
//! This differs from lettre's own `AsyncSmtpTransport::from_url`, where a
//! bare `smtp://` means *unencrypted* and port 25: here the secure choice is
//! the default and plain text must be asked for. The transport is pooled
//! (`smtp::SmtpPool`: connections are reused between mails, their sockets
//! send without delay) and times out after 30 seconds.
//!
//! Without an SMTP URL the transport is [`Transport::DevMailbox`]: mails are
//! marked sent at once and stay readable at `/dev/mailbox`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::client::TlsParameters;

use super::smtp::SmtpPool;
use crate::server::config::Config;

/// How long one SMTP command may take before the attempt fails.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// At most this many SMTP connections are open at once (and kept idle): as
/// many as the worker sends mails at once.
pub const SMTP_POOL_SIZE: usize = super::worker::CONCURRENCY;

#[derive(Clone)]
pub enum Transport {
    Smtp(Arc<SmtpPool>),
    /// No SMTP configured: mails stay readable in /dev/mailbox and count as
    /// sent.
    DevMailbox,
}

impl fmt::Debug for Transport {
    // Says which kind only: nothing about servers or credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::DevMailbox => f.write_str("Transport::DevMailbox"),
        }
    }
}

impl Transport {
    /// The transport the configuration asks for. Errors say what is wrong
    /// with the URL without repeating it (it may hold a password). Call it
    /// at start: it opens no connection yet.
    pub fn from_config(config: &Config) -> Result<Transport, String> {
        let Some(url) = config
            .smtp_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            return Ok(Transport::DevMailbox);
        };
        config
            .mail_from
            .parse::<Mailbox>()
            .map_err(|e| format!("invalid mail sender address {:?}: {e}", config.mail_from))?;
        let settings = SmtpSettings::parse(url)?;
        tracing::info!(
            host = %settings.host,
            port = settings.port,
            tls = ?settings.tls,
            authenticated = settings.credentials.is_some(),
            "mail: delivering through SMTP"
        );
        Ok(Transport::Smtp(settings.build()?))
    }

    pub fn is_dev_mailbox(&self) -> bool {
        matches!(self, Transport::DevMailbox)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    /// STARTTLS, and fail if the server does not offer it.
    Required,
    /// STARTTLS when offered.
    Opportunistic,
    /// TLS from the first byte (`smtps`).
    Implicit,
    /// Plain text.
    None,
}

/// What an SMTP URL says, parsed and checked.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    /// (user, password), percent-decoded.
    pub credentials: Option<(String, String)>,
    pub hello_name: Option<String>,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .field("hello_name", &self.hello_name)
            .finish()
    }
}

impl SmtpSettings {
    pub fn parse(raw: &str) -> Result<SmtpSettings, String> {
        let url = url::Url::parse(raw).map_err(|e| format!("invalid SMTP URL: {e}"))?;
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or("invalid SMTP URL: no host")?
            // An IPv6 literal comes bracketed; sockets want it bare.
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let tls_param = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.to_ascii_lowercase());
        let tls = match (url.scheme(), tls_param.as_deref()) {
            ("smtps", None) => TlsMode::Implicit,
            ("smtp" | "smtp+starttls", None | Some("required")) => TlsMode::Required,
            ("smtp", Some("opportunistic")) => TlsMode::Opportunistic,
            ("smtp", Some("none")) => TlsMode::None,
            ("smtp" | "smtps" | "smtp+starttls", Some(other)) => {
                return Err(format!(
                    "invalid SMTP URL: tls={other} does not go with {}:// \
                     (smtp:// takes tls=required, opportunistic or none; smtps:// takes none)",
                    url.scheme()
                ));
            }
            (scheme, _) => {
                return Err(format!(
                    "invalid SMTP URL: unknown scheme {scheme:?} (expected smtp, smtps or smtp+starttls)"
                ));
            }
        };
        let port = url.port().unwrap_or(match tls {
            TlsMode::Implicit => 465,
            TlsMode::Required | TlsMode::Opportunistic => 587,
            TlsMode::None => 25,
        });
        let credentials = if url.username().is_empty() && url.password().is_none() {
            None
        } else {
            let user = percent_decode(url.username())
                .ok_or("invalid SMTP URL: the user name is not valid percent-encoded UTF-8")?;
            let password = percent_decode(url.password().unwrap_or_default())
                .ok_or("invalid SMTP URL: the password is not valid percent-encoded UTF-8")?;
            Some((user, password))
        };
        if credentials.is_some() && matches!(tls, TlsMode::None | TlsMode::Opportunistic) {
            return Err(
                "invalid SMTP URL: credentials would travel unencrypted; use smtp:// (STARTTLS) \
                 or smtps://"
                    .into(),
            );
        }
        let hello_name = Some(url.path().trim_matches('/'))
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        Ok(SmtpSettings {
            host,
            port,
            tls,
            credentials,
            hello_name,
        })
    }

    pub fn build(&self) -> Result<Arc<SmtpPool>, String> {
        // The TLS settings are checked now, so a bad host name fails at
        // start rather than at the first mail.
        if self.tls != TlsMode::None {
            TlsParameters::new(self.host.clone()).map_err(|e| format!("SMTP TLS setup: {e}"))?;
        }
        Ok(Arc::new(SmtpPool::new(
            self.clone(),
            SMTP_POOL_SIZE,
            SMTP_TIMEOUT,
        )))
    }
}

/// `%XX` sequences to bytes, then UTF-8; `None` when malformed.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_smtp_url_requires_starttls_on_the_submission_port() {
        let s = SmtpSettings::parse("smtp://me%40example.org:p%C3%A4ss%2Fword@mail.example.org")
            .unwrap();
        assert_eq!(s.host, "mail.example.org");
        assert_eq!(s.port, 587);
        assert_eq!(s.tls, TlsMode::Required);
        assert_eq!(
            s.credentials,
            Some(("me@example.org".into(), "päss/word".into()))
        );
        let s = SmtpSettings::parse("smtp+starttls://mail.example.org:2587").unwrap();
        assert_eq!((s.port, s.tls), (2587, TlsMode::Required));
    }

    #[test]
    fn smtps_is_implicit_tls_on_465() {
        let s = SmtpSettings::parse("smtps://u:p@mail.example.org").unwrap();
        assert_eq!((s.port, s.tls), (465, TlsMode::Implicit));
        assert!(SmtpSettings::parse("smtps://mail.example.org?tls=none").is_err());
    }

    #[test]
    fn plain_text_must_be_asked_for_and_carries_no_password() {
        let s = SmtpSettings::parse("smtp://127.0.0.1:2525?tls=none").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.tls),
            ("127.0.0.1", 2525, TlsMode::None)
        );
        assert_eq!(s.credentials, None);
        assert_eq!(
            SmtpSettings::parse("smtp://localhost?tls=none")
                .unwrap()
                .port,
            25
        );
        assert_eq!(
            SmtpSettings::parse("smtp://localhost?tls=opportunistic")
                .unwrap()
                .tls,
            TlsMode::Opportunistic
        );
        let refused = SmtpSettings::parse("smtp://u:secret@localhost?tls=none").unwrap_err();
        assert!(!refused.contains("secret"), "{refused}");
    }

    #[test]
    fn unknown_schemes_and_modes_are_refused_without_echoing_the_password() {
        for url in [
            "http://u:secret@localhost",
            "smtp://u:secret@localhost?tls=maybe",
            "smtp://",
        ] {
            let e = SmtpSettings::parse(url).unwrap_err();
            assert!(!e.contains("secret"), "{e}");
        }
        let s = SmtpSettings::parse("smtps://u:secret@localhost").unwrap();
        assert!(!format!("{s:?}").contains("secret"));
    }

    #[test]
    fn the_path_names_the_ehlo_host() {
        let s = SmtpSettings::parse("smtp://mail.example.org/onboard.example.org").unwrap();
        assert_eq!(s.hello_name.as_deref(), Some("onboard.example.org"));
    }

    #[tokio::test]
    async fn no_url_means_the_development_mailbox() {
        let mut config = Config::for_tests("sqlite::memory:".into(), std::env::temp_dir());
        assert!(Transport::from_config(&config).unwrap().is_dev_mailbox());
        config.smtp_url = Some("   ".into());
        assert!(Transport::from_config(&config).unwrap().is_dev_mailbox());
        config.smtp_url = Some("smtp://127.0.0.1:2525?tls=none".into());
        assert!(!Transport::from_config(&config).unwrap().is_dev_mailbox());
        config.mail_from = "not an address".into();
        assert!(Transport::from_config(&config).is_err());
    }
}
