"""Styles of the workspace tabs: readable tables that become cards on a phone, the outline."""

WORKSPACE_CSS = """
.plain-table {width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.95em;}
.plain-table th, .plain-table td {border-bottom: 1px solid #e3e6ea; padding: 6px 8px;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; line-height: 1.6;}
.plain-table th {background: #f3f5f8; position: sticky; top: 0;}
.plain-table td.source {color: #333; font-size: 0.92em;}
.table-scroll {max-height: 640px; overflow-y: auto;}
@media (max-width: 700px) {
  .plain-table, .plain-table tbody, .plain-table tr, .plain-table td {display: block; width: auto;}
  .plain-table colgroup, .plain-table thead {display: none;}
  .plain-table tr {border: 1px solid #dde2e8; border-radius: 8px; margin: 0 0 10px; padding: 6px 10px;}
  .plain-table td {border: none; padding: 2px 0;}
  .plain-table td::before {content: attr(data-label) "："; font-weight: 600; color: #555;}
  .table-scroll {max-height: none;}
}
#outline-tree details.outline-node {margin: 2px 0;}
#outline-tree details.outline-node details.outline-node {margin-left: 1.4em;
  padding-left: 0.6em; border-left: 2px solid #dfe5ee;}
#outline-tree summary {cursor: pointer; padding: 3px 0;}
#outline-tree .level-0 > summary {font-size: 1.15em; font-weight: 700;}
#outline-tree .level-1 > summary {font-weight: 700;}
#outline-tree .level-2 > summary {font-weight: 600;}
#outline-tree .clause-text {max-width: 48em; line-height: 1.9; margin: 4px 0 10px 0.2em;}
#outline-tree .clause-text p {margin: 0 0 0.7em; text-indent: 2em;}
#outline-tree mark, #support-results mark {background: #ffe58a;}
.support-item .why {color: #2f5f8f; font-size: 0.88em; margin: 2px 0;}
.support-item .text {line-height: 1.8;}
.support-unmet {border: 1px solid #e0b252; background: #fff8e6; padding: 8px 12px; border-radius: 6px;}
.quiz-question {margin-bottom: 12px;}
.quiz-question ul {list-style: none; padding-left: 1.5em;}
"""
