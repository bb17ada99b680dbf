//! The mails, each in the recipient's language, as HTML and plain text.
//! Whatever a person typed (names, group names, messages) is escaped in the
//! HTML part; the HTML is plain, inline-styled (mail clients drop style
//! sheets) and accessible: `lang`, a title, a real link as the button, and
//! contrast above 4.5:1.

use crate::i18n::{Arg, Lang, Msg, date};

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
    let subject = lang.fmt(
        if m.reminder {
            Msg::MailReminderSubject
        } else {
            Msg::MailInviteSubject
        },
        &[("inviter", inviter.as_str().into())],
    );
    let greeting = lang.t(Msg::MailHello);
    let reminder_line = m.reminder.then(|| lang.t(Msg::MailReminderLine));
    let groups: Vec<String> = m.groups.iter().map(|g| one_line(g)).collect();
    let message = m.message.trim();
    let message_label = lang.t(Msg::MailMessageLabel);
    let button = lang.t(Msg::MailAcceptButton);
    let open_link = lang.t(Msg::MailOpenInviteLink);
    let copy_link = lang.t(Msg::MailCopyLink);
    let expires = lang.fmt(
        Msg::MailInviteValidUntil,
        &[("date", date(m.expires_at, lang).into())],
    );
    let unexpected = lang.t(Msg::MailInviteUnexpected);

    // Plain text.
    let mut text = format!("{greeting}\n\n");
    if let Some(line) = reminder_line {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.push_str(&invite_sentence(lang, &inviter, &groups));
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
        invite_sentence_html(lang, &inviter, &groups)
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

/// The same invitation to many addresses, each with its own link: rendered
/// once with a stand-in for the link, which each copy replaces (an
/// import's 500 rows share a language, groups and a message; rendering
/// each took a sixth of the write).
pub struct InvitationCopies {
    rendered: Rendered,
    stand_in: String,
}

impl InvitationCopies {
    /// `m`'s own link is not used. The stand-in is random, so no text a
    /// person typed holds it, and has nothing HTML escapes.
    pub fn new(m: &InvitationMail, stand_in: String) -> InvitationCopies {
        let rendered = invitation(&InvitationMail {
            link: &stand_in,
            ..*m
        });
        InvitationCopies { rendered, stand_in }
    }

    /// The mail with `link` in place: what `invitation` renders with it.
    pub fn with_link(&self, link: &str) -> Rendered {
        Rendered {
            subject: self.rendered.subject.clone(),
            text: self.rendered.text.replace(&self.stand_in, link),
            html: self.rendered.html.replace(&self.stand_in, &escape(link)),
        }
    }
}

/// A real link styled as the mail's button.
fn button_html(link: &str, label: &str) -> String {
    format!(
        "<p style=\"margin:24px 0;\"><a href=\"{}\" style=\"display:inline-block;\
         padding:12px 24px;background:{ACCENT};color:#ffffff;text-decoration:none;\
         border-radius:6px;font-weight:bold;\">{}</a></p>\n",
        escape(link),
        escape(label),
    )
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
    let button = button_html(link, button);
    let link = escape(link);
    format!(
        "{button}\
         <p style=\"{p}\">{}<br>\n<a href=\"{link}\" style=\"color:{ACCENT};word-break:break-all;\">{link}</a></p>\n\
         <p style=\"{p}\">{}</p>\n\
         <hr style=\"border:0;border-top:1px solid #d0d5dc;margin:24px 0 16px;\">\n\
         <p style=\"margin:0;font-size:14px;color:{MUTED_COLOR};\">{}</p>\n",
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
    let subject = lang.t(Msg::MailSetPasswordSubject).to_owned();
    let hello = lang.fmt(Msg::MailHelloName, &[("name", name.into())]);
    let created = lang.fmt(Msg::MailAccountCreatedBy, &[("sender", sent_by.into())]);
    let login_label = lang.t(Msg::MailYourLogin);
    let choose = lang.t(Msg::MailOpenPasswordLink);
    let button = lang.t(Msg::MailChoosePasswordButton);
    let copy_link = lang.t(Msg::MailCopyLink);
    let expires = lang.fmt(
        Msg::MailPasswordLinkValidUntil,
        &[("date", date(m.expires_at, lang).into())],
    );
    let unexpected = lang.t(Msg::MailPasswordUnexpected);
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

/// To a platform admin: someone completed their first-login form while no
/// seat was free and waits.
pub struct SeatWaitingMail<'a> {
    pub lang: Lang,
    /// The waiting person's name and address.
    pub name: &'a str,
    pub email: &'a str,
    pub limit: i64,
    /// The settings page, where the limit is raised.
    pub link: &'a str,
}

pub fn seat_waiting(m: &SeatWaitingMail) -> Rendered {
    let lang = m.lang;
    let (name, email) = (one_line(m.name), one_line(m.email));
    let subject = lang.t(Msg::MailSeatWaitingSubject).to_owned();
    let hello = lang.t(Msg::MailHello);
    let waits = lang.fmt(
        Msg::MailSeatWaitingLine,
        &[
            ("name", name.as_str().into()),
            ("email", email.as_str().into()),
            ("limit", m.limit.into()),
        ],
    );
    let how = lang.t(Msg::MailSeatWaitingHow);
    let button = lang.t(Msg::MailSeatWaitingButton);
    let text = format!("{hello}\n\n{waits}\n\n{how}\n{}\n", m.link);
    let p = "margin:0 0 16px;";
    let body = format!(
        "<p style=\"{p}\">{}</p>\n<p style=\"{p}\">{}</p>\n<p style=\"{p}\">{}</p>\n{}",
        escape(hello),
        escape(&waits),
        escape(how),
        button_html(m.link, button),
    );
    let html = page(lang, &subject, &body);
    Rendered {
        subject,
        text,
        html,
    }
}

/// To an invitee who waited for a seat: the account is open, sign in with
/// the password chosen then.
pub struct AccountOpenedMail<'a> {
    pub lang: Lang,
    pub name: &'a str,
    pub login: &'a str,
    /// The sign-in page.
    pub link: &'a str,
}

pub fn account_opened(m: &AccountOpenedMail) -> Rendered {
    let lang = m.lang;
    let name = one_line(m.name);
    let subject = lang.t(Msg::MailAccountOpenedSubject).to_owned();
    let hello = lang.fmt(Msg::MailHelloName, &[("name", name.into())]);
    let open = lang.t(Msg::MailAccountOpenedLine);
    let login_label = lang.t(Msg::MailYourLogin);
    let button = lang.t(Msg::MailSignInButton);
    let text = format!(
        "{hello}\n\n{open}\n\n{login_label} {}\n\n{}\n",
        m.login, m.link
    );
    let p = "margin:0 0 16px;";
    let body = format!(
        "<p style=\"{p}\">{}</p>\n<p style=\"{p}\">{}</p>\n\
         <p style=\"{p}\">{} <strong>{}</strong></p>\n{}",
        escape(&hello),
        escape(open),
        escape(login_label),
        escape(m.login),
        button_html(m.link, button),
    );
    let html = page(lang, &subject, &body);
    Rendered {
        subject,
        text,
        html,
    }
}

/// "Ada invites you to join the Onboard platform, in the groups “A” and
/// “B”." for the plain-text part.
fn invite_sentence(lang: Lang, inviter: &str, groups: &[String]) -> String {
    let names: Vec<String> = groups
        .iter()
        .map(|g| lang.fmt(Msg::MailGroupName, &[("name", g.into())]))
        .collect();
    lang.fmt(
        Msg::MailInviteSentence,
        &[
            ("count", groups.len().into()),
            ("inviter", inviter.into()),
            ("groups", list(lang, &names).into()),
        ],
    )
}

/// The same sentence for the HTML part, with the group names in bold.
fn invite_sentence_html(lang: Lang, inviter: &str, groups: &[String]) -> String {
    let names: Vec<String> = groups
        .iter()
        .map(|g| {
            let strong = format!("<strong>{}</strong>", escape(g));
            html_fmt(lang, Msg::MailGroupName, &[("name", Html::Markup(strong))])
        })
        .collect();
    html_fmt(
        lang,
        Msg::MailInviteSentence,
        &[
            ("count", Html::Count(groups.len() as i64)),
            ("inviter", Html::Markup(escape(inviter))),
            ("groups", Html::Markup(list(lang, &names))),
        ],
    )
}

/// `A`, `A and B`, `A, B and C`, with the reader's "and".
fn list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.t(Msg::MailListAnd)),
    }
}

/// A value for `html_fmt`: a count, or HTML already made safe.
enum Html {
    Count(i64),
    Markup(String),
}

/// A catalogue sentence for the HTML part: the translation itself is
/// escaped, then each value goes in as the markup given. (Values pass
/// through Fluent as private-use markers, so escaping cannot touch them.)
fn html_fmt(lang: Lang, msg: Msg, args: &[(&str, Html)]) -> String {
    let marker = |i: usize| format!("\u{e000}{i}\u{e001}");
    let marked: Vec<(&str, Arg)> = args
        .iter()
        .enumerate()
        .map(|(i, (name, value))| match value {
            Html::Count(n) => (*name, Arg::Count(*n)),
            Html::Markup(_) => (*name, Arg::Text(marker(i))),
        })
        .collect();
    let mut out = escape(&lang.fmt(msg, &marked));
    for (i, (_, value)) in args.iter().enumerate() {
        if let Html::Markup(markup) = value {
            out = out.replace(&marker(i), markup);
        }
    }
    out
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
        .map(|c| {
            if c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) {
                ' '
            } else {
                c
            }
        })
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
    fn copies_of_an_invitation_are_what_rendering_each_gives() {
        let groups = vec!["Ventes".to_owned(), "R&D <Paris>".to_owned()];
        for (lang, message) in [
            (Lang::Fr, ""),
            (Lang::En, "Welcome & see <you>\nsoon"),
            (Lang::Nl, "Welkom"),
        ] {
            let m = mail(lang, &groups, message);
            let copies = InvitationCopies::new(&m, "\u{1}stand-in_Xy-9\u{1}".into());
            for link in [LINK, "https://o.example/invitation?token=a'b\"c<d>"] {
                let one = invitation(&InvitationMail {
                    link,
                    ..mail(lang, &groups, message)
                });
                assert_eq!(copies.with_link(link), one, "{lang:?} {link}");
            }
        }
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
    fn dutch_invitation_reads_as_dutch_with_its_own_dates_and_quotes() {
        let groups = vec!["Verkoop".to_owned(), "Gent".to_owned(), "R&D".to_owned()];
        let r = invitation(&mail(Lang::Nl, &groups, "Tot snel"));
        assert_eq!(r.subject, "Ada Lovelace nodigt u uit op Onboard");
        assert!(
            r.text.contains("in de groepen “Verkoop”, “Gent” en “R&D”."),
            "{}",
            r.text
        );
        assert!(r.text.contains("geldig tot 22-11-2026"), "{}", r.text);
        assert!(r.html.contains("<html lang=\"nl\">"));
        assert!(
            r.html
                .contains("“<strong>Gent</strong>” en “<strong>R&amp;D</strong>”"),
            "{}",
            r.html
        );
        assert!(r.html.contains("Uitnodiging aanvaarden"));
    }

    #[test]
    fn every_language_gets_every_mail_in_its_own_words() {
        let subjects: Vec<String> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let r = set_password(&SetPasswordMail {
                    lang,
                    name: "Marie",
                    login: "marie@exemple.fr",
                    sent_by: "Ada",
                    link: "https://onboard.test/set-password?token=abc",
                    expires_at: NOV_22_2026,
                });
                assert!(r.html.contains(&format!("<html lang=\"{}\">", lang.code())));
                assert!(r.text.contains("marie@exemple.fr"));
                r.subject
            })
            .collect();
        assert_eq!(subjects.len(), 3);
        assert!(subjects[0] != subjects[1] && subjects[1] != subjects[2]);
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
