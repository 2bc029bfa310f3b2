"""Clutter that web pages and WeChat public-account articles put around an article.

General rules, not words of one page: a short line that is a site's or an account's
furniture (follow and share prompts, QR codes, credits, font-size and print widgets,
registration numbers, breadcrumbs, END marks) is dropped wherever it stands, and a
recommendation list (往期推荐, 推荐阅读, 相关阅读 …) ends the article: it and everything after it
are links to other articles. Lines longer than MAX_CLUTTER_CHARS are always kept: furniture
fits on one short line, paragraphs do not.
"""

from __future__ import annotations

import re

MAX_CLUTTER_CHARS = 40

_CREDIT = (
    r"来源|来\s*源|编辑|责编|责任编辑|小编|审核|审校|审签|校对|作者|排版|美编|图片|图文|文字|统筹|监制"
    r"|出品|供稿|撰稿|初审|复审|终审|二审|三审|记者|通讯员|视频|摄影|设计|制作|策划|主编|值班编辑"
)
CLUTTER: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # follow prompts: 点击蓝字关注我们, 长按识别二维码, 扫一扫关注, 星标公众号
        r"(点击|点|戳|长按|扫码|扫一扫|识别|上方|下方|蓝字).{0,12}(关注|订阅|二维码|星标)",
        r"(关注|订阅|星标).{0,8}(公众号|我们|视频号)",
        r"二维码",
        # credits: 来源：… 编辑：… 审核：… (a short line led by a credit label)
        rf"^[【\[（(]?({_CREDIT})\s*[】\]）)]?\s*[:：|丨｜/]",
        # share and like prompts
        r"点(个|一下)?(赞|在看)|(赞|在看)[、和与]|分享(给|到)|转发(给|到)",
        r"^(分享|转发|收藏|点赞|在看|留言|评论)([、，,\s|丨]*(分享|转发|收藏|点赞|在看|留言|评论))*$",
        r"^阅读原文$|^阅读\s*\d+|阅读量|浏览(次数|量)|点击(数|量|率)",
        # END marks and separators
        r"^[-—_=·•*~\s]*(end|the end|完|全文完|结束)[-—_=·•*~\s]*$",
        # site furniture: font size, print, close, breadcrumbs, registration numbers
        r"字号\s*[:：]?\s*[大中小]|【\s*[大中小]\s*】",
        r"^(打印|关闭|关闭窗口|打印本页|返回顶部|返回首页|上一篇|下一篇|首页)([\s|丨]|$)",
        r"(打印|关闭)(本页|窗口)",
        r"^(当前位置|您的位置|您现在的位置|所在位置)\s*[:：]",
        r"ICP\s*备|ICP证|公网安备|网站标识码|版权所有|copyright|©|主办单位|承办单位|技术支持"
        r"|网站地图|无障碍|适老化",
        r"^(发布时间|发布日期)\s*[:：].{0,30}$",
        r"^(微信|微博|QQ空间|抖音)([\s、，,|丨]+(微信|微博|QQ空间|抖音))*$",
    )
)
RECOMMENDATIONS = re.compile(
    r"^[【\[\s\-—·•◆▼▲■□★☆|丨]*(往期|近期|更多)?\s*"
    r"(推荐|回顾|精选|精彩|热文|阅读|相关)?\s*"
    r"(往期(推荐|回顾|精选|精彩)|推荐阅读|相关阅读|延伸阅读|精彩推荐|精彩回顾|相关新闻|相关文章"
    r"|猜你喜欢|热门推荐|更多精彩|推荐文章)"
    r"[】\]\s\-—·•◆▼▲■□★☆|丨:：]*$"
)


def is_clutter(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > MAX_CLUTTER_CHARS:
        return False
    return any(pattern.search(text) for pattern in CLUTTER)


def strip_web_clutter(lines: list[str]) -> list[str]:
    """Lines without web and WeChat furniture, cut before a recommendation list."""
    kept: list[str] = []
    for line in lines:
        if RECOMMENDATIONS.match(line.strip()) and kept:
            break
        if not is_clutter(line):
            kept.append(line)
    return kept
