// anyhow: one error type for applications. `?` converts any error into it, `.context()` adds what we were doing,
// and `{:#}` prints the whole chain on one line.
use anyhow::{bail, Context, Result};

struct Config {
    port: u16,
    workers: usize,
}

fn parse_line(line: &str) -> Result<(&str, &str)> {
    let (key, value) = line.split_once('=').with_context(|| format!("no '=' in {:?}", line))?;
    Ok((key.trim(), value.trim()))
}

fn parse_config(text: &str) -> Result<Config> {
    let mut port = None;
    let mut workers = 4; // a default: Option is for "maybe absent", a plain value when there is a fallback
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = parse_line(line).with_context(|| format!("line {}", number + 1))?;
        match key {
            "port" => port = Some(value.parse::<u16>().with_context(|| format!("line {}: port", number + 1))?),
            "workers" => workers = value.parse().with_context(|| format!("line {}: workers", number + 1))?,
            other => bail!("line {}: unknown key {:?}", number + 1, other),
        }
    }
    let port = port.context("port is missing")?; // Option -> Result with a message
    if port < 1024 {
        bail!("port {} needs root", port);
    }
    Ok(Config { port, workers })
}

fn main() {
    let inputs = [
        "port = 8080\nworkers = 8",
        "# defaults\nport = 3000",
        "port = eighty",
        "port 8080",
        "workers = 2",
        "port = 80",
        "port = 8080\ncolour = blue",
    ];
    for text in inputs {
        match parse_config(text) {
            Ok(config) => println!("ok    port {} with {} workers", config.port, config.workers),
            Err(error) => println!("error {:#}", error),
        }
    }
}
