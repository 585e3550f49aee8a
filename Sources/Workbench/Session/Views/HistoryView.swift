/// `history`: the commands of the session and what became of each.
enum HistoryView {
    static func table(_ cells: [Cell]) -> Table {
        Table(columns: [.init("n", "#", .right), .init("command"), .init("status")],
              rows: cells.enumerated().map { index, cell in [.integer(index + 1), .text(cell.input), .text(cell.status.rawValue)] })
    }
}
