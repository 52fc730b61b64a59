/// The health-check clients of the database images, as compose files and `docker exec` use them.
/// A check runs inside the server's own container, whose main process is the server, so while
/// the container runs the server answers. Sources:
/// - pg_isready (postgres images): recorded from PostgreSQL 15's pg_isready on this machine
///   against a running server on its default socket: `/var/run/postgresql:5432 - accepting
///   connections`, exit 0 (`-q`: nothing; `-h HOST`: the host in place of the socket folder);
/// - mysqladmin ping (mysql, mariadb): `mysqld is alive` (mysqladmin.cc ADMIN_PING, silent with
///   -s twice);
/// - redis-cli ping (redis): the server's reply to PING, `PONG`.
enum DatabaseClients {
    /// The programs an image of `repository` adds, if any.
    static func programs(forRepository repository: String) -> [(String, SimulatedProgram)] {
        switch repository {
        case "postgres": return [("pg_isready", PgIsReady())]
        case "mysql", "mariadb": return [("mysqladmin", MySQLAdmin())]
        case "redis": return [("redis-cli", RedisCLI())]
        default: return []
        }
    }

    struct PgIsReady: SimulatedProgram {
        func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
            var args = p.arguments.dropFirst()[...]
            var host = "/var/run/postgresql", port = "5432", quiet = false
            while let a = args.popFirst() {
                switch a {
                case "-q", "--quiet": quiet = true
                case "-h", "--host": host = args.popFirst() ?? host
                case "-p", "--port": port = args.popFirst() ?? port
                case "-U", "--username", "-d", "--dbname", "-t", "--timeout": _ = args.popFirst()
                default:
                    if a.hasPrefix("--host=") { host = String(a.dropFirst(7)) }
                    if a.hasPrefix("--port=") { port = String(a.dropFirst(7)) }
                }
            }
            if !quiet { p.write("\(host):\(port) - accepting connections\n") }
            return 0
        }
    }

    struct MySQLAdmin: SimulatedProgram {
        func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
            let args = p.arguments.dropFirst()
            guard args.contains("ping") else {
                p.writeError("lab: only `mysqladmin ping` is simulated\n")
                return 1
            }
            let silent = args.filter { $0 == "-s" || $0 == "--silent" }.count + args.filter { $0 == "-ss" }.count * 2
            if silent < 2 { p.write("mysqld is alive\n") }
            return 0
        }
    }

    struct RedisCLI: SimulatedProgram {
        func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
            var args = p.arguments.dropFirst()[...]
            while let a = args.first, a.hasPrefix("-") { args.removeFirst(); if ["-h", "-p", "-a", "-n"].contains(a) { _ = args.popFirst() } }
            guard let command = args.first?.lowercased(), command == "ping" else {
                p.writeError("lab: only `redis-cli ping` is simulated\n")
                return 1
            }
            p.write("PONG\n")
            return 0
        }
    }
}
