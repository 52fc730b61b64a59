import Foundation

/// A Flask application as the lab reads it from its source file: its routes (`@app.route(PATH)`
/// over a function that returns a string literal) and its `app.run(host=…, port=…, debug=…)`;
/// and what Flask's development server prints and answers.
/// Sources, read in pallets/flask and pallets/werkzeug at the versions the catalogue installs:
/// - Flask 2.0.3 src/flask/cli.py `show_server_banner` (` * Serving Flask app 'app' (lazy
///   loading)`, the environment and its red warning, ` * Debug mode: off`; click.echo, so
///   standard output), src/flask/app.py `run` (127.0.0.1 and 5000 by default) and `name` (the
///   script's file name for `__main__`); Werkzeug 2.0.3 src/werkzeug/serving.py `log_startup`
///   (` * Running on all addresses.` and its warning for 0.0.0.0, then ` * Running on
///   http://ADDRESS:PORT/ (Press CTRL+C to quit)` with the interface's address) through the
///   `werkzeug` logger's stream handler (standard error);
/// - Flask 3.1.3 cli.py (` * Serving Flask app 'app'`, ` * Debug mode: off`) and Werkzeug 3.1.8
///   serving.py `log_startup` (the bold red warning, ` * Running on all addresses (0.0.0.0)`,
///   the 127.0.0.1 and interface URLs) and `run_simple`'s yellow `Press CTRL+C to quit`;
/// - both Werkzeug versions' `WSGIRequestHandler.log_request` and `log`
///   (`ADDRESS - - [DATE] "GET / HTTP/1.1" 200 -`, a 404's request yellow) with CPython's
///   `BaseHTTPRequestHandler.log_date_time_string` (`13/Mar/2020 09:10:34`, the seed's log).
/// Not reproduced: debug mode's reloader and debugger lines, templates, anything but a literal.
struct FlaskApp: Equatable {
    /// Each route's path and the text its function returns.
    var routes: [String: String] = [:]
    var host = "127.0.0.1"
    var port = 5000
    var debug = false
    /// Whether the file calls `app.run(…)` (else running it defines the app and ends).
    var runs = false

    /// The app in Python source, or nil when the source does not create a Flask app.
    static func parse(_ source: String) -> FlaskApp? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let appLine = lines.first(where: { $0.contains("Flask(") && $0.contains("=") }) else { return nil }
        let name = appLine.split(separator: "=")[0].trimmingCharacters(in: .whitespaces)
        var app = FlaskApp()
        var pendingRoute: String?
        var inRoute: String?
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("@\(name).route(") || line.hasPrefix("@\(name).get(") {
                pendingRoute = literal(in: line)
                continue
            }
            if line.hasPrefix("def "), let route = pendingRoute { inRoute = route; pendingRoute = nil; continue }
            if line.hasPrefix("return "), let route = inRoute {
                app.routes[route] = literal(in: line) ?? ""
                inRoute = nil
                continue
            }
            if line.hasPrefix("\(name).run(") {
                app.runs = true
                for argument in line.dropFirst(name.count + 5).dropLast().split(separator: ",") {
                    let kv = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard kv.count == 2 else { continue }
                    switch kv[0] {
                    case "host": app.host = literal(in: kv[1]) ?? app.host
                    case "port": app.port = Int(kv[1]) ?? app.port
                    case "debug": app.debug = kv[1] == "True"
                    default: break
                    }
                }
            }
        }
        return app
    }

    /// The first string literal in `text` ('…' or "…").
    static func literal(in text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
        let quote = text[open]
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }

    /// What the server prints as it starts: Flask's banner (standard output) and Werkzeug's
    /// lines (standard error), for Flask `version` serving on the container's `address`.
    func banner(flask version: String, appName: String, address: String) -> (stdout: String, stderr: String) {
        let shown = host == "0.0.0.0" ? address : host
        if version.hasPrefix("2.") || version.hasPrefix("1.") {
            let out = " * Serving Flask app '\(appName)' (lazy loading)\n * Environment: production\n"
                + "   WARNING: This is a development server. Do not use it in a production deployment.\n"
                + "   Use a production WSGI server instead.\n * Debug mode: \(debug ? "on" : "off")\n"
            var err = ""
            if host == "0.0.0.0" {
                err += " * Running on all addresses.\n   WARNING: This is a development server. Do not use it in a production deployment.\n"
            }
            err += " * Running on http://\(shown):\(port)/ (Press CTRL+C to quit)\n"
            return (out, err)
        }
        let out = " * Serving Flask app '\(appName)'\n * Debug mode: \(debug ? "on" : "off")\n"
        var err = "\u{1B}[31m\u{1B}[1mWARNING: This is a development server. Do not use it in a production deployment. "
            + "Use a production WSGI server instead.\u{1B}[0m\n"
        if host == "0.0.0.0" { err += " * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:\(port)\n" }
        err += " * Running on http://\(shown):\(port)\n\u{1B}[33mPress CTRL+C to quit\u{1B}[0m\n"
        return (out, err)
    }

    /// Werkzeug's line for one request from `client` at Unix time `time`.
    static func requestLog(client: String, time: Double, path: String, status: Int) -> String {
        var request = "GET \(path) HTTP/1.1"
        if status == 404 { request = "\u{1B}[33m" + request + "\u{1B}[0m" }
        return "\(client) - - [\(logDate(time))] \"\(request)\" \(status) -\n"
    }

    /// CPython's log_date_time_string: `dd/Mon/yyyy hh:mm:ss` (the container's clock is UTC).
    static func logDate(_ time: Double) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: time))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%02d/%@/%04d %02d:%02d:%02d", c.day!, months[c.month! - 1], c.year!, c.hour!, c.minute!, c.second!)
    }

    /// The app a running container serves: its main process is `python FILE` (or python3) and
    /// FILE is a Flask app that runs with Flask installed; with its Flask version.
    static func serving(_ c: Container, engine: DockerEngine) -> (app: FlaskApp, version: String)? {
        let argv = c.processArguments
        guard let first = argv.first, VirtualFileSystem.baseName(of: first).hasPrefix("python"),
              let script = argv.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return nil }
        let cwd = c.config.workingDir.isEmpty ? "/" : c.config.workingDir
        guard let source = c.files.contents(of: VirtualFileSystem.normalise(script, cwd: cwd)),
              let app = parse(source), app.runs,
              let python = ImageSystem.of(c, engine: engine).python,
              let version = InstalledPackages.pythonVersion(of: "flask", c.files, python: python) else { return nil }
        return (app, version)
    }

    /// What the app answers for `path` on `port`; nil when it does not listen there (another
    /// port, or 127.0.0.1 for a client outside the container).
    func answer(path: String, port: Int, local: Bool) -> (ContainerServers.Reply, status: Int)? {
        guard port == self.port, local || host != "127.0.0.1" && host != "localhost" else { return nil }
        let clean = String(path.prefix { $0 != "?" })
        if let body = routes[clean] { return (.ok(body), 200) }
        return (.notFound, 404)
    }
}
