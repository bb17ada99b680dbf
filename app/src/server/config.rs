//! Runtime configuration, read from `ONBOARD_*` environment variables by the
//! server binary. Every field has a default so that a bare `server` runs.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` or `postgres://…`; default: a SQLite file in `data_dir`.
    pub database_url: String,
    /// `smtp://`, `smtps://` or `smtp+starttls://` URL; none keeps mails in
    /// the development mailbox.
    pub smtp_url: Option<String>,
    /// The `From:` of every mail, e.g. `Onboard <no-reply@example.org>`.
    pub mail_from: String,
    /// The address people reach the site at; used in mailed links and for
    /// the cross-origin check.
    pub public_url: url::Url,
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    /// Seed a sample group tree on an empty database.
    pub demo: bool,
}

impl Config {
    /// Cookies get `Secure` only when the site is served over https, so that
    /// plain-http development on localhost still works.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// `Onboard <no-reply@host-of-the-public-url>`.
    pub fn default_mail_from(public_url: &url::Url) -> String {
        format!(
            "Onboard <no-reply@{}>",
            public_url.host_str().unwrap_or("localhost")
        )
    }

    pub fn default_database_url(data_dir: &std::path::Path) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("onboard.db").display()
        )
    }

    /// A configuration for tests: given database, no SMTP, loopback.
    pub fn for_tests(database_url: String, data_dir: PathBuf) -> Self {
        Self {
            database_url,
            smtp_url: None,
            mail_from: "Onboard <no-reply@onboard.test>".into(),
            public_url: url::Url::parse("http://127.0.0.1:3000").expect("static URL"),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir,
            demo: false,
        }
    }
}
