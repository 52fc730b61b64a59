import XCTest
@testable import LabCore

/// docker-compose 1.29 starts a project's services in parallel, each once the services it
/// depends on are up (compose/parallel.py, parallel_execute with the dependencies), so the
/// services that wait come last and get the last addresses (Fixtures/build 08: shop_web_1, which
/// depends on db, is 172.18.0.4 after db and worker).
final class ComposeStartOrderTests: XCTestCase {
    func testAServiceThatDependsOnAnotherStartsAfterEveryIndependentOne() {
        var lab = SystemCommandsTests.lab([
            "printf '%s\\n' 'services:' '  web:' '    image: nginx' '    depends_on:' '      - db' '  db:' '    image: redis' '  worker:' '    image: httpd' > docker-compose.yml",
            "docker-compose -p shop up -d"])
        let (text, _) = SystemCommandsTests.run(
            "docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' shop_db_1 shop_worker_1 shop_web_1", in: &lab)
        XCTAssertEqual(text, "/shop_db_1 172.18.0.2\n/shop_worker_1 172.18.0.3\n/shop_web_1 172.18.0.4\n")
    }
}
