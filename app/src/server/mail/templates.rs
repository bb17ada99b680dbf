//! The mails, each in the recipient's language, as HTML and plain text.
//! Whatever a person typed (names, group names, messages) is escaped in the
//! HTML part; the HTML is plain, inline-styled (mail clients drop style
//! sheets) and accessible: `lang`, a title, a real link as the button, and
//! contrast above 4.5:1.

use crate::i18n::{Lang, date};

/// A mail ready to queue (`store::outbox::NewMail`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub struct InvitationMail<'a> {
    pub lang: Lang,
    /// The inviter's display name.
    pub inviter: &'a str,
    /// Names of the groups the invitation grants a role in; may be empty.
    pub groups: &'a [String],
    /// The inviter's personal message; empty for none.
    pub message: &'a str,
    /// The acceptance link, absolute.
    pub link: &'a str,
    pub expires_at: i64,
    /// A reminder of an invitation not yet accepted.
    pub reminder: bool,
}

const TEXT_COLOR: &str = "#1f2328";
const MUTED_COLOR: &str = "#4a5561";
const ACCENT: &str = "#1f5fbf";
const PAGE_BG: &str = "#f4f5f7";

pub fn invitation(m: &InvitationMail) -> Rendered {
    let lang = m.lang;
    let inviter = one_line(m.inviter);
    let subject = match (lang, m.reminder) {
        (Lang::Fr, false) => format!("{inviter} vous invite sur Onboard"),
        (Lang::Fr, true) => format!("Rappel : {inviter} vous invite sur Onboard"),
        (Lang::En, false) => format!("{inviter} invites you to Onboard"),
        (Lang::En, true) => format!("Reminder: {inviter} invites you to Onboard"),
    };
    let greeting = match lang {
        Lang::Fr => "Bonjour,",
        Lang::En => "Hello,",
    };
    let reminder_line = m.reminder.then_some(match lang {
        Lang::Fr => "Vous n'avez pas encore accepté cette invitation : elle vous attend toujours.",
        Lang::En => "You have not accepted this invitation yet: it is still waiting for you.",
    });
    let groups: Vec<String> = m.groups.iter().map(|g| one_line(g)).collect();
    let message = m.message.trim();
    let message_label = match lang {
        Lang::Fr => "Son message :",
        Lang::En => "Their message:",
    };
    let button = match lang {
        Lang::Fr => "Accepter l'invitation",
        Lang::En => "Accept the invitation",
    };
    let open_link = match lang {
        Lang::Fr => "Pour accepter l'invitation, ouvrez ce lien :",
        Lang::En => "To accept the invitation, open this link:",
    };
    let copy_link = match lang {
        Lang::Fr => "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
        Lang::En => "If the button does not work, copy this link into your browser:",
    };
    let expiry = date(m.expires_at, lang);
    let expires = match lang {
        Lang::Fr => format!("Cette invitation est valable jusqu'au {expiry}."),
        Lang::En => format!("This invitation is valid until {expiry}."),
    };
    let unexpected = match lang {
        Lang::Fr => "Vous n'attendiez pas cette invitation ? Ignorez simplement ce message.",
        Lang::En => "Not expecting this invitation? Simply ignore this message.",
    };

    // Plain text.
    let mut text = format!("{greeting}\n\n");
    if let Some(line) = reminder_line {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.push_str(&invite_sentence(lang, &inviter, &groups, |s| s.to_owned()));
    text.push_str("\n\n");
    if !message.is_empty() {
        text.push_str(message_label);
        text.push('\n');
        for line in message.lines() {
            text.push_str("> ");
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(&format!(
        "{open_link}\n{}\n\n{expires}\n\n-- \n{unexpected}\n",
        m.link
    ));

    // HTML.
    let p = "margin:0 0 16px;";
    let mut body = format!("<p style=\"{p}\">{}</p>\n", escape(greeting));
    if let Some(line) = reminder_line {
        body.push_str(&format!("<p style=\"{p}\">{}</p>\n", escape(line)));
    }
    body.push_str(&format!(
        "<p style=\"{p}\">{}</p>\n",
        invite_sentence(lang, &escape(&inviter), &groups, |s| format!(
            "<strong>{}</strong>",
            escape(s)
        ))
    ));
    if !message.is_empty() {
        let lines: Vec<String> = message.lines().map(|l| escape(l.trim_end())).collect();
        body.push_str(&format!(
            "<p style=\"margin:0 0 4px;font-weight:bold;\">{}</p>\n\
             <blockquote style=\"margin:0 0 16px;padding:12px 16px;border-left:4px solid #8a94a0;\
             background:#ffffff;color:{TEXT_COLOR};\">{}</blockquote>\n",
            escape(message_label),
            lines.join("<br>\n")
        ));
    }
    body.push_str(&call_to_action(
        m.link, button, copy_link, &expires, unexpected,
    ));
    let html = page(lang, &subject, &body);
    Rendered {
        subject,
        text,
        html,
    }
}

/// The end every HTML mail with a link shares: the button, the link to
/// copy, a validity line and a muted footer.
fn call_to_action(
    link: &str,
    button: &str,
    copy_link: &str,
    validity: &str,
    footer: &str,
) -> String {
    let p = "margin:0 0 16px;";
    let link = escape(link);
    format!(
        "<p style=\"margin:24px 0;\"><a href=\"{link}\" style=\"display:inline-block;\
         padding:12px 24px;background:{ACCENT};color:#ffffff;text-decoration:none;\
         border-radius:6px;font-weight:bold;\">{}</a></p>\n\
         <p style=\"{p}\">{}<br>\n<a href=\"{link}\" style=\"color:{ACCENT};word-break:break-all;\">{link}</a></p>\n\
         <p style=\"{p}\">{}</p>\n\
         <hr style=\"border:0;border-top:1px solid #d0d5dc;margin:24px 0 16px;\">\n\
         <p style=\"margin:0;font-size:14px;color:{MUTED_COLOR};\">{}</p>\n",
        escape(button),
        escape(copy_link),
        escape(validity),
        escape(footer),
    )
}

/// The frame every HTML mail shares: language, title, a card.
fn page(lang: Lang, subject: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n\
         <body style=\"margin:0;padding:0;background:{PAGE_BG};\">\n\
         <div style=\"max-width:560px;margin:0 auto;padding:24px;\">\n\
         <div style=\"background:#ffffff;border:1px solid #d0d5dc;border-radius:8px;padding:24px;\
         font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:{TEXT_COLOR};\">\n\
         <h1 style=\"font-size:20px;line-height:1.3;margin:0 0 16px;\">{title}</h1>\n\
         {body}</div>\n</div>\n</body>\n</html>\n",
        code = lang.code(),
        title = escape(subject),
    )
}

pub struct SetPasswordMail<'a> {
    pub lang: Lang,
    /// The account holder's display name.
    pub name: &'a str,
    /// What they sign in with (their address).
    pub login: &'a str,
    /// The admin who created the account or re-sent the link.
    pub sent_by: &'a str,
    pub link: &'a str,
    pub expires_at: i64,
}

/// The credentials mail of an account created by an admin: the login and a
/// one-time link to choose a password — never a password.
pub fn set_password(m: &SetPasswordMail) -> Rendered {
    let lang = m.lang;
    let (name, sent_by) = (one_line(m.name), one_line(m.sent_by));
    let expiry = date(m.expires_at, lang);
    let (subject, hello, created, login_label, choose, button, copy_link, expires, unexpected) =
        match lang {
            Lang::Fr => (
                "Votre compte Onboard est prêt : choisissez votre mot de passe".to_owned(),
                format!("Bonjour {name},"),
                format!("{sent_by} vous a créé un compte sur la plateforme Onboard."),
                "Votre identifiant :",
                "Pour choisir votre mot de passe et vous connecter, ouvrez ce lien :",
                "Choisir mon mot de passe",
                "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
                format!("Ce lien ne sert qu'une fois et reste valable jusqu'au {expiry}."),
                "Vous n'attendiez pas ce message ? Ignorez-le : rien ne se passera sans vous.",
            ),
            Lang::En => (
                "Your Onboard account is ready: choose your password".to_owned(),
                format!("Hello {name},"),
                format!("{sent_by} created an account for you on the Onboard platform."),
                "Your login:",
                "To choose your password and sign in, open this link:",
                "Choose my password",
                "If the button does not work, copy this link into your browser:",
                format!("This link works once and is valid until {expiry}."),
                "Not expecting this message? Ignore it: nothing happens without you.",
            ),
        };
    let text = format!(
        "{hello}\n\n{created}\n\n{login_label} {}\n\n{choose}\n{}\n\n{expires}\n\n-- \n{unexpected}\n",
        m.login, m.link
    );
    let p = "margin:0 0 16px;";
    let mut body = format!(
        "<p style=\"{p}\">{}</p>\n<p style=\"{p}\">{}</p>\n\
         <p style=\"{p}\">{} <strong>{}</strong></p>\n",
        escape(&hello),
        escape(&created),
        escape(login_label),
        escape(m.login),
    );
    body.push_str(&call_to_action(
        m.link, button, copy_link, &expires, unexpected,
    ));
    let html = page(lang, &subject, &body);
    Rendered {
        subject,
        text,
        html,
    }
}

/// "Ada invites you to join the Onboard platform, in the groups “A” and
/// “B”." `inviter` comes ready (escaped for HTML); `group` renders a name.
fn invite_sentence(
    lang: Lang,
    inviter: &str,
    groups: &[String],
    group: impl Fn(&str) -> String,
) -> String {
    let (quote_open, quote_close, and) = match lang {
        Lang::Fr => ("« ", " »", " et "),
        Lang::En => ("“", "”", " and "),
    };
    let names: Vec<String> = groups
        .iter()
        .map(|g| format!("{quote_open}{}{quote_close}", group(g)))
        .collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    };
    match (lang, names.len()) {
        (Lang::Fr, 0) => format!("{inviter} vous invite à rejoindre la plateforme Onboard."),
        (Lang::Fr, 1) => {
            format!(
                "{inviter} vous invite à rejoindre la plateforme Onboard, dans le groupe {list}."
            )
        }
        (Lang::Fr, _) => format!(
            "{inviter} vous invite à rejoindre la plateforme Onboard, dans les groupes {list}."
        ),
        (Lang::En, 0) => format!("{inviter} invites you to join the Onboard platform."),
        (Lang::En, 1) => {
            format!("{inviter} invites you to join the Onboard platform, in the group {list}.")
        }
        (Lang::En, _) => {
            format!("{inviter} invites you to join the Onboard platform, in the groups {list}.")
        }
    }
}

/// Text safe inside HTML elements and quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A name on one line: control characters (line breaks…) become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_22_2026: i64 = 1_795_305_600_000;
    const LINK: &str = "https://onboard.example.org/invitation?token=abc&x=1";

    fn mail<'a>(lang: Lang, groups: &'a [String], message: &'a str) -> InvitationMail<'a> {
        InvitationMail {
            lang,
            inviter: "Ada Lovelace",
            groups,
            message,
            link: LINK,
            expires_at: NOV_22_2026,
            reminder: false,
        }
    }

    #[test]
    fn french_invitation_says_who_where_until_when() {
        let groups = vec!["Ventes".to_owned(), "Paris".to_owned(), "R&D".to_owned()];
        let r = invitation(&mail(Lang::Fr, &groups, ""));
        assert_eq!(r.subject, "Ada Lovelace vous invite sur Onboard");
        assert!(r.text.contains(
            "Ada Lovelace vous invite à rejoindre la plateforme Onboard, dans les groupes « Ventes », « Paris » et « R&D »."
        ), "{}", r.text);
        assert!(r.text.contains("valable jusqu'au 22/11/2026"));
        assert!(r.html.contains("<html lang=\"fr\">"));
        assert!(r.html.contains("<strong>R&amp;D</strong>"));
        assert!(r.html.contains("22/11/2026"));
        assert!(!r.text.contains("message :"), "no message, no heading");
    }

    #[test]
    fn english_invitation_and_reminder() {
        let groups = vec!["Sales".to_owned()];
        let mut m = mail(Lang::En, &groups, "");
        let r = invitation(&m);
        assert_eq!(r.subject, "Ada Lovelace invites you to Onboard");
        assert!(r.text.contains("in the group “Sales”."), "{}", r.text);
        assert!(r.text.contains("valid until Nov 22, 2026"));
        assert!(r.html.contains("<html lang=\"en\">"));
        m.reminder = true;
        let r = invitation(&m);
        assert_eq!(r.subject, "Reminder: Ada Lovelace invites you to Onboard");
        assert!(r.text.contains("not accepted this invitation yet"));
        let fr = invitation(&InvitationMail {
            lang: Lang::Fr,
            ..m
        });
        assert_eq!(fr.subject, "Rappel : Ada Lovelace vous invite sur Onboard");
        let none = invitation(&mail(Lang::En, &[], ""));
        assert!(
            none.text
                .contains("Ada Lovelace invites you to join the Onboard platform.")
        );
    }

    #[test]
    fn the_link_is_in_both_parts_with_a_real_button() {
        for lang in Lang::ALL {
            let r = invitation(&mail(lang, &[], ""));
            assert!(r.text.contains(LINK));
            let escaped = LINK.replace('&', "&amp;");
            assert!(r.html.contains(&format!("<a href=\"{escaped}\"")));
            assert_eq!(r.html.matches(&format!("href=\"{escaped}\"")).count(), 2);
            assert!(r.html.contains(&format!(">{escaped}</a>")));
        }
    }

    #[test]
    fn what_people_typed_is_escaped_and_line_breaks_kept() {
        let groups = vec!["<b>x</b>".to_owned()];
        let m = InvitationMail {
            inviter: "Eve <script>alert(1)</script>",
            message: "Bienvenue <script>alert('x')</script> !\nÀ bientôt & merci",
            ..mail(Lang::Fr, &groups, "")
        };
        let r = invitation(&m);
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(!r.html.contains("<b>x</b>"));
        assert!(r.html.contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(r.html.contains(
            "Bienvenue &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; !<br>\nÀ bientôt &amp; merci"
        ));
        // The text part is plain text: kept as typed, quoted.
        assert!(r.text.contains(
            "Son message :\n> Bienvenue <script>alert('x')</script> !\n> À bientôt & merci\n"
        ));
    }

    #[test]
    fn a_name_cannot_break_the_subject_line() {
        let m = InvitationMail {
            inviter: "Mallory\r\nBcc: victim@example.org",
            ..mail(Lang::En, &[], "")
        };
        let r = invitation(&m);
        assert!(!r.subject.contains('\n') && !r.subject.contains('\r'));
    }

    #[test]
    fn dates_follow_the_reader_language() {
        assert_eq!(date(NOV_22_2026, Lang::Fr), "22/11/2026");
        assert_eq!(date(NOV_22_2026, Lang::En), "Nov 22, 2026");
    }

    #[test]
    fn the_credentials_mail_has_the_login_and_link_and_never_a_password() {
        let m = set_password(&SetPasswordMail {
            lang: Lang::Fr,
            name: "Marie <Curie>",
            login: "marie@exemple.fr",
            sent_by: "Ada",
            link: "https://onboard.test/set-password?token=abc",
            expires_at: 1_795_305_600_000,
        });
        assert!(m.text.contains("Votre identifiant : marie@exemple.fr"));
        assert!(
            m.text
                .contains("https://onboard.test/set-password?token=abc")
        );
        assert!(m.html.contains("Marie &lt;Curie&gt;"));
        assert!(!m.text.to_lowercase().contains("mot de passe :"));
        assert!(m.html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    }
}
