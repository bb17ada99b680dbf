//! A pool of SMTP connections whose sockets send at once (`TCP_NODELAY`).
//!
//! lettre's own pooled transport opens its sockets with Nagle's algorithm
//! on, and writes a message's body and its closing `.` in two writes: the
//! second waits for the acknowledgement of the first, which the server
//! delays by up to 40 ms because it has nothing to answer yet. Measured,
//! that capped delivery at about 20 mails per second per connection. Here
//! the socket is opened by us, with `TCP_NODELAY`, and handed to lettre's
//! connection, which still speaks SMTP: greeting, STARTTLS, authentication,
//! the message. Implicit TLS (`smtps://`) keeps lettre's own socket: lettre
//! takes only a plain TCP stream from outside, and implicit TLS must shake
//! hands before the greeting.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

use super::transport::{SmtpSettings, TlsMode};

/// An idle connection older than this is closed rather than reused:
/// servers drop idle clients after a few minutes.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a mail was not accepted by the server.
#[derive(Debug)]
pub enum SendError {
    Smtp(lettre::transport::smtp::Error),
    Io(std::io::Error),
    TimedOut,
}

impl SendError {
    /// A permanent refusal (5xx): waiting will not change it.
    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Smtp(e) if e.is_permanent())
    }

    /// The server answered (a 4xx or 5xx reply), as opposed to a broken or
    /// closed connection.
    fn is_reply(&self) -> bool {
        matches!(self, SendError::Smtp(e) if e.is_transient() || e.is_permanent())
    }
}

impl std::fmt::Display for SendError {
    // lettre's errors carry the server's reply or the I/O error, never the
    // credentials.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Smtp(e) => write!(f, "{e}"),
            SendError::Io(e) => write!(f, "connection error: {e}"),
            SendError::TimedOut => f.write_str("the SMTP server did not answer in time"),
        }
    }
}

impl From<lettre::transport::smtp::Error> for SendError {
    fn from(e: lettre::transport::smtp::Error) -> Self {
        SendError::Smtp(e)
    }
}

impl From<std::io::Error> for SendError {
    fn from(e: std::io::Error) -> Self {
        SendError::Io(e)
    }
}

pub struct SmtpPool {
    settings: SmtpSettings,
    hello: ClientId,
    timeout: Duration,
    /// Connections open at most (idle or sending).
    slots: Semaphore,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
}

impl SmtpPool {
    pub fn new(settings: SmtpSettings, size: usize, timeout: Duration) -> SmtpPool {
        let hello = settings
            .hello_name
            .clone()
            .map_or_else(ClientId::default, ClientId::Domain);
        SmtpPool {
            settings,
            hello,
            timeout,
            slots: Semaphore::new(size.max(1)),
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Sends one message, on an idle connection when there is one. A reused
    /// connection the server has meanwhile closed is replaced once, so a
    /// quiet night does not fail the morning's first mail.
    pub async fn send(&self, message: &Message) -> Result<(), SendError> {
        let _slot = self
            .slots
            .acquire()
            .await
            .map_err(|_| SendError::TimedOut)?;
        let envelope = message.envelope();
        let body = message.formatted();
        if let Some(mut conn) = self.take_idle() {
            match self.send_on(&mut conn, envelope, &body).await {
                Ok(()) => {
                    self.put_back(conn);
                    return Ok(());
                }
                Err(e) if e.is_reply() => {
                    self.keep_if_usable(conn);
                    return Err(e);
                }
                Err(_) => conn.abort().await,
            }
        }
        let mut conn = tokio::time::timeout(self.timeout, self.connect())
            .await
            .map_err(|_| SendError::TimedOut)??;
        let sent = self.send_on(&mut conn, envelope, &body).await;
        self.keep_if_usable(conn);
        sent
    }

    async fn send_on(
        &self,
        conn: &mut AsyncSmtpConnection,
        envelope: &lettre::address::Envelope,
        body: &[u8],
    ) -> Result<(), SendError> {
        tokio::time::timeout(self.timeout, conn.send(envelope, body))
            .await
            .map_err(|_| SendError::TimedOut)??;
        Ok(())
    }

    fn take_idle(&self) -> Option<AsyncSmtpConnection> {
        let mut idle = self.idle.lock().ok()?;
        // Stale ones are dropped (their sockets close) rather than tried.
        idle.retain(|(_, since)| since.elapsed() < IDLE_TIMEOUT);
        idle.pop().map(|(conn, _)| conn)
    }

    fn put_back(&self, conn: AsyncSmtpConnection) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push((conn, Instant::now()));
        }
    }

    fn keep_if_usable(&self, conn: AsyncSmtpConnection) {
        if !conn.has_broken() {
            self.put_back(conn);
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let s = &self.settings;
        let tls = || TlsParameters::new(s.host.clone()).map_err(SendError::Smtp);
        let mut conn = match s.tls {
            TlsMode::Implicit => {
                AsyncSmtpConnection::connect_tokio1(
                    (s.host.as_str(), s.port),
                    Some(self.timeout),
                    &self.hello,
                    Some(tls()?),
                    None,
                )
                .await?
            }
            TlsMode::Required | TlsMode::Opportunistic | TlsMode::None => {
                let tcp = TcpStream::connect((s.host.as_str(), s.port)).await?;
                tcp.set_nodelay(true)?;
                AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello).await?
            }
        };
        match s.tls {
            TlsMode::Required => conn.starttls(tls()?, &self.hello).await?,
            TlsMode::Opportunistic if conn.can_starttls() => {
                conn.starttls(tls()?, &self.hello).await?
            }
            _ => {}
        }
        if let Some((user, password)) = &s.credentials {
            // Credentials only ever go over TLS: `SmtpSettings::parse`
            // refuses them with `tls=none` and `tls=opportunistic`.
            conn.auth(
                &[Mechanism::Plain, Mechanism::Login],
                &Credentials::new(user.clone(), password.clone()),
            )
            .await?;
        }
        Ok(conn)
    }
}
