"""``planqa outline | support | quiz | duties | timeline``: the workspaces on the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from app.service import build_service
from app.settings import Settings
from app.workspaces.duties import to_csv as table_csv
from app.workspaces.handout import to_csv as quiz_csv
from app.workspaces.handout import to_markdown
from app.workspaces.profile import ORIGINS, EnterpriseProfile
from app.workspaces.workspace import OutlineEntry, Workspace


def add_commands(sub: argparse._SubParsersAction) -> None:
    outline = sub.add_parser("outline", help="the plan's outline with each clause's text")
    outline.add_argument("--doc", help="one document id")
    support = sub.add_parser(
        "support", help="support an enterprise like this may find in the plans"
    )
    support.add_argument("description", help="the enterprise in a sentence")
    support.add_argument("--origin", choices=ORIGINS, default="")
    support.add_argument("--ownership", choices=["国有", "民营", "外资"], default="")
    support.add_argument(
        "--industry", action="append", default=[], help="e.g. 养老, 金融, 农业食品 (repeatable)"
    )
    support.add_argument("--wants", default="", help="e.g. 上市融资, 设立金融机构, 对俄出口")
    quiz = sub.add_parser("quiz", help="training quiz questions with answers and citations")
    quiz.add_argument("--n", type=int, default=10)
    quiz.add_argument("--seed", type=int, default=0, help="the same seed gives the same quiz")
    quiz.add_argument("--part", help="a clause id or outline key, e.g. 4.2 or 5")
    quiz.add_argument("--format", choices=["markdown", "csv"], default="markdown")
    duties = sub.add_parser("duties", help="who does what, per task and measure")
    duties.add_argument("--party", help="e.g. 广东省, 黑龙江省, 两省, 省长")
    duties.add_argument("--csv", action="store_true")
    timeline = sub.add_parser("timeline", help="dated targets and phases")
    timeline.add_argument("--csv", action="store_true")
    for parser in (outline, support, quiz, duties, timeline):
        parser.add_argument("--json", action="store_true", help="print JSON")


def run(settings: Settings, args: argparse.Namespace) -> int:
    workspace = Workspace(build_service(settings).kb)
    command = args.command
    if command == "outline":
        trees = workspace.outline(args.doc)
        if args.json:
            return _json([asdict(t) for t in trees])
        for tree in trees:
            _print_tree(tree, 0)
    elif command == "support":
        profile = EnterpriseProfile(
            args.description, args.origin, args.ownership, tuple(args.industry), args.wants
        )
        result = workspace.find_support(profile)
        if args.json:
            return _json([asdict(g) for g in result.groups])
        if result.unmet:
            print(f"方案没有提到：{'、'.join(result.unmet)}")
        for group in result.groups:
            print(f"## {group.title}")
            for item in group.items:
                print(f"- {item.label} ({item.clause_id})  {'；'.join(item.reasons)}")
                for sentence in item.sentences:
                    print(f"    “{sentence}”")
                print(f"    注：{item.note}")
    elif command == "quiz":
        quiz = workspace.quiz(args.n, args.seed, args.part)
        if args.json:
            return _json([asdict(q) for q in quiz.questions])
        title = workspace.document_titles()
        print(quiz_csv(quiz) if args.format == "csv" else to_markdown(quiz, title))
    elif command == "duties":
        rows = workspace.duties(args.party)
        if args.json:
            return _json([asdict(r) for r in rows])
        if args.csv:
            print(table_csv(rows), end="")
        for row in [] if args.csv else rows:
            print(f"{row.party}\t{row.role}\t{row.action}\t{row.label}")
    else:
        milestones = workspace.timeline()
        if args.json:
            return _json([asdict(m) for m in milestones])
        if args.csv:
            print(table_csv(milestones), end="")
        for m in [] if args.csv else milestones:
            print(f"{m.when}\t{m.label}\t{m.sentence}")
    return 0


def _json(data: object) -> int:
    print(json.dumps(data, ensure_ascii=False))
    return 0


def _print_tree(node: OutlineEntry, depth: int) -> None:
    print(f"{'  ' * depth}{node.label.split(' › ')[-1]}  [{node.id}]")
    for child in node.children:
        _print_tree(child, depth + 1)
