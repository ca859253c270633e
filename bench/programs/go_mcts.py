"""Go on a 7x7 board played by Monte Carlo tree search (UCT).

Models a game-playing engine: a board with captures, suicide and simple-ko
rules, random playouts that avoid filling one's own eyes, and a UCT tree
that picks each move from a few hundred playouts. Randomness comes from a
self-written linear congruential generator so every interpreter plays the
same game. Stresses object allocation, list copies, flood fills and floats.
"""

import math

from _harness import main

SIZE = 7
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1


class Lcg:
    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def make_neighbours(size):
    nbrs = []
    for p in range(size * size):
        r, c = divmod(p, size)
        lst = []
        if r > 0:
            lst.append(p - size)
        if r < size - 1:
            lst.append(p + size)
        if c > 0:
            lst.append(p - 1)
        if c < size - 1:
            lst.append(p + 1)
        nbrs.append(tuple(lst))
    return nbrs


NEIGHBOURS = make_neighbours(SIZE)


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.moves = 0

    def copy(self):
        b = Board.__new__(Board)
        b.cells = self.cells[:]
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.moves = self.moves
        return b

    def group(self, start):
        """Return (stones, has_liberty) of the group containing start."""
        cells = self.cells
        colour = cells[start]
        stones = [start]
        seen = {start}
        liberty = False
        i = 0
        while i < len(stones):
            p = stones[i]
            i += 1
            for q in NEIGHBOURS[p]:
                v = cells[q]
                if v == EMPTY:
                    liberty = True
                elif v == colour and q not in seen:
                    seen.add(q)
                    stones.append(q)
        return stones, liberty

    def is_eye(self, p, colour):
        cells = self.cells
        for q in NEIGHBOURS[p]:
            if cells[q] != colour:
                return False
        return True

    def play(self, p):
        """Try to play at p for the side to move; return False if illegal."""
        if p == PASS:
            self.passes += 1
            self.to_move = 3 - self.to_move
            self.ko = None
            self.moves += 1
            return True
        cells = self.cells
        if cells[p] != EMPTY or p == self.ko:
            return False
        me = self.to_move
        other = 3 - me
        cells[p] = me
        captured = []
        for q in NEIGHBOURS[p]:
            if cells[q] == other:
                stones, lib = self.group(q)
                if not lib:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        stones, lib = self.group(p)
        if not lib:
            cells[p] = EMPTY
            return False
        self.ko = None
        if len(captured) == 1 and len(stones) == 1:
            self.ko = captured[0]
        self.passes = 0
        self.to_move = other
        self.moves += 1
        return True

    def candidate_moves(self):
        me = self.to_move
        cells = self.cells
        return [p for p in range(SIZE * SIZE) if cells[p] == EMPTY and not self.is_eye(p, me)]

    def score(self):
        """Area score: stones plus empty points surrounded by one colour."""
        cells = self.cells
        black = cells.count(BLACK)
        white = cells.count(WHITE)
        for p in range(SIZE * SIZE):
            if cells[p] == EMPTY:
                around = {cells[q] for q in NEIGHBOURS[p]}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white - 5  # komi 5


def playout(board, rng):
    limit = SIZE * SIZE * 3
    while board.passes < 2 and board.moves < limit:
        moves = board.candidate_moves()
        played = False
        while moves:
            i = rng.below(len(moves))
            p = moves[i]
            moves[i] = moves[-1]
            moves.pop()
            if board.play(p):
                played = True
                break
        if not played:
            board.play(PASS)
    return board.score()


class Node:
    __slots__ = ("move", "parent", "children", "untried", "wins", "visits", "player")

    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.children = []
        self.untried = board.candidate_moves() + [PASS]
        self.wins = 0.0
        self.visits = 0
        self.player = 3 - board.to_move  # the player who made `move`

    def select(self):
        log_n = math.log(self.visits)
        best = None
        best_value = -1.0
        for c in self.children:
            value = c.wins / c.visits + 1.2 * math.sqrt(log_n / c.visits)
            if value > best_value:
                best_value = value
                best = c
        return best


def search(root_board, playouts, rng):
    root = Node(None, None, root_board)
    for _ in range(playouts):
        node = root
        board = root_board.copy()
        while not node.untried and node.children:
            node = node.select()
            board.play(node.move)
        while node.untried:
            i = rng.below(len(node.untried))
            move = node.untried.pop(i)
            if board.play(move):
                child = Node(move, node, board)
                node.children.append(child)
                node = child
                break
        result = playout(board, rng)
        winner = BLACK if result > 0 else WHITE
        while node is not None:
            node.visits += 1
            if node.player == winner:
                node.wins += 1.0
            node = node.parent
    best = max(root.children, key=lambda c: (c.visits, -c.move))
    return best.move, best.visits, root.visits


def name(move):
    if move == PASS:
        return "pass"
    r, c = divmod(move, SIZE)
    return "abcdefghj"[c] + str(r + 1)


def run(playouts):
    rng = Lcg(2024)
    board = Board()
    record = []
    visits_total = 0
    for _ in range(12):
        move, visits, total = search(board, playouts, rng)
        visits_total += visits
        record.append(name(move))
        board.play(move)
        if board.passes >= 2:
            break
    final = playout(board.copy(), rng)
    return ["moves " + " ".join(record),
            "best-visits %d final-score %d rng %d" % (visits_total, final, rng.state)]


if __name__ == "__main__":
    main(run, normal=120, short=2)
