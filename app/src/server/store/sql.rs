//! SQL assembled from fixed fragments, for queries whose `WHERE` depends on
//! a filter: every value is bound as a `$n` parameter (sqlx's
//! `QueryBuilder<Any>` writes `?`, which PostgreSQL refuses), never
//! written into the text.

pub(super) enum Arg {
    Int(i64),
    Text(String),
}

/// SQL text with its arguments, numbered as they are added.
#[derive(Default)]
pub(super) struct Sql {
    pub(super) text: String,
    pub(super) args: Vec<Arg>,
}

impl Sql {
    pub(super) fn push(&mut self, fragment: &str) -> &mut Self {
        self.text.push_str(fragment);
        self
    }

    /// Appends the placeholder of a new argument.
    pub(super) fn bind(&mut self, arg: Arg) -> &mut Self {
        self.args.push(arg);
        let n = self.args.len();
        self.text.push('$');
        self.text.push_str(&n.to_string());
        self
    }

    /// Appends `$a, $b, …` for `ids` (at least one).
    pub(super) fn bind_list<T: Copy + Into<i64>>(&mut self, ids: &[T]) -> &mut Self {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.bind(Arg::Int((*id).into()));
        }
        self
    }

    pub(super) fn query(self) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Int(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
            };
        }
        query
    }

    pub(super) fn query_scalar(
        self,
    ) -> sqlx::query::QueryScalar<'static, sqlx::Any, i64, sqlx::any::AnyArguments> {
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(self.text));
        for arg in self.args {
            query = match arg {
                Arg::Int(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
            };
        }
        query
    }
}

/// `$from, $from+1, …` for an `IN (…)` list of `count` values.
pub(crate) fn placeholders(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Values bound per `IN (…)` query: under SQLite's and PostgreSQL's
/// limits on bound parameters, and large enough that 100,000 lookups take
/// a few hundred queries.
pub(crate) const IN_CHUNK: usize = 500;

/// Rows per multi-row statement whose rows bind `params_per_row` values
/// each. SQLite finds a `$n` parameter by a linear scan of the statement's
/// parameter names, and sqlx asks for every parameter's name, so binding a
/// statement costs the square of its parameters (6,500 of them took half
/// an import's time): there, statements stay near 250 parameters.
/// PostgreSQL gains from fewer round trips: 500 rows.
pub(crate) fn rows_per_statement(conn: &super::Conn, params_per_row: usize) -> usize {
    const SQLITE_PARAMS: usize = 250;
    if conn.backend_name() == "SQLite" {
        (SQLITE_PARAMS / params_per_row.max(1)).max(1)
    } else {
        IN_CHUNK
    }
}

/// `($from), ($from+1), …`: values as one-column rows (`column1` on both
/// databases), for `FROM (VALUES …)`.
pub(crate) fn value_rows(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|n| format!("(${n})"))
        .collect::<Vec<_>>()
        .join(", ")
}
