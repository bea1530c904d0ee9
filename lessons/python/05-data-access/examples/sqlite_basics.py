# sqlite3 from the standard library: a schema, parameters instead of string formatting,
# rows by column name, and a transaction that rolls back as one unit.
import sqlite3

conn = sqlite3.connect(":memory:")  # a file path in real life, e.g. "app.db"
conn.row_factory = sqlite3.Row  # rows can be read by column name
conn.executescript(
    """
    CREATE TABLE users (
        id    INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name  TEXT NOT NULL
    );
    INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada'), ('alan@example.com', 'Alan');
    """
)

# Parameters: the driver sends the value apart from the SQL text, so it can never change the query.
hostile = "nobody@example.com' OR '1'='1"
formatted = conn.execute(f"SELECT name FROM users WHERE email = '{hostile}'").fetchall()
bound = conn.execute("SELECT name FROM users WHERE email = ?", (hostile,)).fetchall()
print("formatted into the SQL:", [row["name"] for row in formatted])
print("passed as a parameter: ", [row["name"] for row in bound])

# `with conn:` commits when the block succeeds and rolls back when it raises.
try:
    with conn:
        conn.execute("INSERT INTO users (email, name) VALUES (?, ?)", ("grace@example.com", "Grace"))
        conn.execute("INSERT INTO users (email, name) VALUES (?, ?)", ("ada@example.com", "Ada again"))
except sqlite3.IntegrityError as error:
    print("rolled back:", error)

count = conn.execute("SELECT count(*) FROM users").fetchone()[0]
print("users after the failed transaction:", count)  # Grace was rolled back with the duplicate
user = conn.execute("SELECT * FROM users WHERE id = ?", (1,)).fetchone()
print("as a dict:", dict(user))
