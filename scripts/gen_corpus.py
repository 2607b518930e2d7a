"""Generate realistic Chinese policy documents, deterministic from a seed.

Plans (一、/（一）/1.), annual work plans and regulations (第X章/第X条 with 款 and
项), each with a title, 文号, issuing body and date, written as plain-text files that
go through the real ingest pipeline. About 40 passages a document on average.

    .venv/bin/python scripts/gen_corpus.py OUT_DIR --passages 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PROVINCES = (
    "北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 "
    "福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 "
    "云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区"
).split()
SHORT = {p: p.removesuffix("省").removesuffix("市")[:2] for p in PROVINCES}
# 文号 prefixes use each province's one-character name: 粤政发, 黑政办发, 冀发改.
INITIAL = dict(
    zip(PROVINCES, "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新", strict=True)
)
TOPICS = (
    "智能制造 粮食安全 现代物流 数字经济 乡村振兴 生态环境保护 冰雪旅游 中医药 跨境电商 新能源汽车 "
    "科技成果转化 职业教育 医疗卫生 养老服务 文化产业 农产品加工 对外开放 营商环境 人才引进 "
    "知识产权保护 绿色金融 海洋经济 民营经济 应急管理 水利建设 交通运输 节能减排 住房保障"
).split()
KINDS = ("专项实施方案", "三年行动计划", "年度工作计划", "实施意见", "发展规划", "管理办法", "条例")
BODIES = ("人民政府", "人民政府办公厅", "发展和改革委员会", "工业和信息化厅", "商务厅", "财政厅")
ABBR = {
    "人民政府": "政发",
    "人民政府办公厅": "政办发",
    "发展和改革委员会": "发改",
    "工业和信息化厅": "工信发",
    "商务厅": "商发",
    "财政厅": "财发",
}
ACTIONS = (
    "加快推进 着力提升 大力发展 积极培育 深入实施 统筹推进 支持引导 鼓励 健全完善 加强 优化 "
    "规范 持续深化 全面落实 探索建立"
).split()
OBJECTS = (
    "产业园区建设 重点项目储备 龙头企业培育 公共服务平台 标准体系 人才队伍建设 融资担保体系 "
    "监测预警机制 信息共享平台 示范基地创建 要素保障 品牌建设 技术改造 招商引资 市场主体培育 "
    "科技创新能力 产业链供应链 基础设施网络 数据资源开发利用 监督检查 绩效评价 督查考核"
).split()
WAYS = (
    "发挥市场在资源配置中的决定性作用，更好发挥政府作用",
    "按照政府引导、企业主体、市场运作的原则",
    "以项目为抓手、以园区为载体",
    "坚持问题导向和目标导向相结合",
    "采取财政补助、贷款贴息、以奖代补等方式",
    "建立健全部门协同、上下联动的工作机制",
    "依托现有平台和资源",
)
RESULTS = (
    "形成一批可复制可推广的经验做法",
    "培育一批具有核心竞争力的骨干企业",
    "实现规模以上企业全覆盖",
    "主要指标达到全国平均水平",
    "推动产业迈向中高端",
    "为高质量发展提供有力支撑",
)
LEADS = ("省发展改革委", "省工业和信息化厅", "省财政厅", "省商务厅", "省科技厅", "省自然资源厅")
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    return CN[n // 10 - 1] + "十" + (CN[n % 10 - 1] if n % 10 else "")


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def sentence(self, place: str, topic: str) -> str:
        r = self.rng
        year = r.randint(2018, 2030)
        amount = r.choice((5, 10, 20, 30, 50, 100, 200))
        templates = (
            f"{r.choice(ACTIONS)}{topic}{r.choice(OBJECTS)}，{r.choice(WAYS)}，{r.choice(RESULTS)}。",
            f"到{year}年，全省{topic}{r.choice(OBJECTS)}取得明显成效，{r.choice(RESULTS)}。",
            f"对符合条件的{topic}项目，省级财政给予最高{amount}万元补助。",
            f"各市（地）要将{topic}工作纳入重要议事日程，{r.choice(ACTIONS)}{r.choice(OBJECTS)}。",
            f"{r.choice(LEADS)}牵头，{r.choice(LEADS)}、各市（地）人民政府配合，"
            f"{r.choice(ACTIONS)}{r.choice(OBJECTS)}。",
            f"支持{SHORT[place]}{r.choice(TOPICS)}企业{r.choice(ACTIONS)}{r.choice(OBJECTS)}，"
            f"{r.choice(WAYS)}。",
        )
        return r.choice(templates)

    def paragraph(self, place: str, topic: str, sentences: int) -> str:
        return "".join(self.sentence(place, topic) for _ in range(sentences))

    def document(self, number: int) -> str:
        r = self.rng
        place, topic, kind = r.choice(PROVINCES), r.choice(TOPICS), r.choice(KINDS)
        body = r.choice(BODIES)
        year, month, day = r.randint(2016, 2025), r.randint(1, 12), r.randint(1, 28)
        title = f"{place}{topic}{kind}"
        head = [f"{INITIAL[place]}{ABBR[body]}〔{year}〕{number % 97 + 1}号"]
        if kind == "条例":
            return "\n".join([title, *self.regulation(place, topic, year, month, day)])
        head += [
            f"{place}{body}关于印发{title}的通知",
            "各有关单位：",
            f"现将《{title}》印发给你们，请认真贯彻落实。",
        ]
        lines = [*head, f"{place}{body}", f"{year}年{month}月{day}日", "附件", title]
        lines += self.plan(place, topic)
        return "\n".join(lines)

    def plan(self, place: str, topic: str) -> list[str]:
        r = self.rng
        lines = [f"为{r.choice(ACTIONS)}{topic}工作，{r.choice(WAYS)}，制定本方案。"]
        headings = ("总体要求", "主要目标", "重点任务", "保障措施", "组织实施")
        for s, heading in enumerate(headings[: r.randint(3, 5)], start=1):
            lines.append(f"{cn(s)}、{heading}")
            if heading == "重点任务":
                for sub in range(1, r.randint(2, 4) + 1):
                    lines.append(f"（{cn(sub)}）{r.choice(ACTIONS)}{r.choice(OBJECTS)}")
                    for item in range(1, r.randint(2, 5) + 1):
                        title = f"{r.choice(ACTIONS)}{r.choice(OBJECTS)}"
                        lines.append(
                            f"{item}.{title}。{self.paragraph(place, topic, r.randint(2, 5))}"
                        )
            else:
                for _ in range(r.randint(1, 2)):
                    lines.append(self.paragraph(place, topic, r.randint(2, 4)))
        return lines

    def regulation(self, place: str, topic: str, year: int, month: int, day: int) -> list[str]:
        r = self.rng
        lines = [
            f"（{year}年{month}月{day}日{place}第十三届人民代表大会常务委员会第{cn(r.randint(2, 30))}次会议通过）"
        ]
        article = 0
        for c, chapter in enumerate(
            ("总则", "规划与建设", "促进与保障", "监督管理", "法律责任", "附则"), 1
        ):
            lines.append(f"第{cn(c)}章 {chapter}")
            for _ in range(r.randint(2, 5)):
                article += 1
                lines.append(f"第{cn(article)}条 {self.paragraph(place, topic, r.randint(1, 3))}")
                if r.random() < 0.3:
                    for i in range(1, r.randint(2, 4) + 1):
                        lines.append(f"（{cn(i)}）{r.choice(ACTIONS)}{r.choice(OBJECTS)}；")
        return lines


def generate(out: Path, passages: int, seed: int = 7) -> list[Path]:
    """Write documents until their passages (as ingest will count them) reach ``passages``."""
    from ingest.chunking import clause_passages
    from ingest.pipeline import parse_text

    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    written: list[Path] = []
    total = 0
    while total < passages:
        path = out / f"gen-{len(written):05d}.txt"
        text = writer.document(len(written))
        path.write_text(text, "utf-8")
        total += len(clause_passages(parse_text(text, path.stem, str(path))))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.out, args.passages, args.seed)
    print(f"{len(files)} documents in {args.out}")


if __name__ == "__main__":
    main()
