// No exceptions: failure is a value. `?` returns the error to the caller early.
use std::num::ParseIntError;

#[derive(Debug)]
enum PortError {
    NotANumber(ParseIntError),
    Reserved(u16),
}

fn parse_port(raw: &str) -> Result<u16, PortError> {
    let port: u16 = raw.trim().parse().map_err(PortError::NotANumber)?;
    if port < 1024 {
        return Err(PortError::Reserved(port));
    }
    Ok(port)
}

fn main() {
    for raw in ["8080", "80", "http"] {
        match parse_port(raw) {
            Ok(port) => println!("{:>5}: listening on {}", raw, port),
            Err(PortError::Reserved(p)) => println!("{:>5}: port {} needs root", raw, p),
            Err(PortError::NotANumber(e)) => println!("{:>5}: not a port ({})", raw, e),
        }
    }
}
