/// What the catalogue's servers answer over HTTP inside a user network, by the service their
/// container runs. Bodies are the images' default pages: nginx's `docs/html/index.html`
/// (nginx/nginx; the `color-scheme` line since 1.21, so nginx:1.13 serves the older page),
/// httpd 2.4's `htdocs/index.html` (45 bytes, `Content-Length: 45` in recorded responses),
/// elasticsearch:2's root JSON as course notes and tutorials recorded it (`curl -s search:9200`).
enum ContainerServers {
    /// The outcome of one HTTP GET.
    enum Reply: Equatable {
        case ok(String)
        case notFound
        case refused
        case unreachable
    }

    /// GET `path` on `address:port` from the container `dns` describes.
    static func get(_ path: String, address: String, port: Int, dns: ContainerDNS) -> Reply {
        guard dns.reaches(address) else { return .unreachable }
        let target: Container?
        if address.hasPrefix("127.") {
            target = dns.container
        } else {
            target = dns.engine.containers.first { c in c.state.running && c.endpoints.contains { $0.ipAddress == address } }
        }
        guard let target else { return .refused }
        return answer(target, path: path, port: port, engine: dns.engine, local: address.hasPrefix("127."))
    }

    /// What a container's server answers for `path` on its own `port`; `local` when the client
    /// is inside the container (a server bound to 127.0.0.1 answers only then).
    static func answer(_ target: Container, path: String, port: Int, engine: DockerEngine, local: Bool = false) -> Reply {
        if let (app, _) = FlaskApp.serving(target, engine: engine) {
            return app.answer(path: path, port: port, local: local)?.0 ?? .refused
        }
        guard let service = target.serviceProgram else { return .refused }
        let image = ImageName(String(target.config.image.split(separator: "@").first ?? ""))
        switch (service, port) {
        case ("nginx", 80):
            guard path == "/" || path == "/index.html" else { return .notFound }
            return .ok(image.tag == "1.13" ? nginxOldPage : nginxPage)
        case ("httpd-foreground", 80):
            guard path == "/" || path == "/index.html" else { return .notFound }
            return .ok(httpdPage)
        case ("registry", 5000):
            return engine.registryAPI(target, path: path).map { .ok($0) } ?? .notFound
        case ("elasticsearch", 9200):
            guard path == "/" || path.hasPrefix("/?") else { return .notFound }
            return .ok(elasticsearchRoot(target))
        default:
            return .refused
        }
    }

    /// Node names elasticsearch 2 picked at random from its list of Marvel characters, as they
    /// appear in recorded answers of elasticsearch:2.4.6 (one per container here).
    static let elasticsearchNames = ["Frankie Raye", "Blizzard II", "Fer-de-Lance", "Doop", "Maggott", "Richard Fisk",
                                     "Jackhammer", "Eliminator", "Rage", "Batragon", "Landslide", "Freedom Ring"]

    /// `GET /` on elasticsearch:2 (2.4.6: the version block is the same in every recorded answer;
    /// the node name and cluster uuid are per node).
    static func elasticsearchRoot(_ c: Container) -> String {
        let hex = Array(StableHash.hex("es:" + c.id).utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var uuid = ""
        for i in 0..<22 { uuid.append(Character(UnicodeScalar(alphabet[Int(hex[i * 2] &+ hex[i * 2 + 1] &* 7) % 64]))) }
        let name = elasticsearchNames[Int(hex[0] &+ hex[1]) % elasticsearchNames.count]
        return """
            {
              "name" : "\(name)",
              "cluster_name" : "elasticsearch",
              "cluster_uuid" : "\(uuid)",
              "version" : {
                "number" : "2.4.6",
                "build_hash" : "5376dca9f70f3abef96a77f4bb22720ace8240fd",
                "build_timestamp" : "2017-07-18T12:17:44Z",
                "build_snapshot" : false,
                "lucene_version" : "5.5.4"
              },
              "tagline" : "You Know, for Search"
            }

            """
    }

    static let httpdPage = "<html><body><h1>It works!</h1></body></html>\n"

    static let nginxPage = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        html { color-scheme: light dark; }
        body { width: 35em; margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif; }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """

    static let nginxOldPage = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
            body {
                width: 35em;
                margin: 0 auto;
                font-family: Tahoma, Verdana, Arial, sans-serif;
            }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """

    /// `host`, port and path of a URL (`http://` optional, port 80 by default).
    static func split(_ url: String) -> (host: String, port: Int, path: String) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let path = slash < rest.endIndex ? String(rest[slash...]) : "/"
        var host = rest[..<slash]
        var port = 80
        if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...]) ?? 80
            host = host[..<colon]
        }
        return (String(host), port, path)
    }
}
