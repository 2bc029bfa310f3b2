"""Web pages made for the tests as government and news sites and WeChat public accounts
publish them: navigation, breadcrumbs, font-size and print widgets, scripts, footers with a
备案号, and WeChat's follow / share / recommendation clutter around the article."""

from __future__ import annotations

PARAGRAPHS = (
    "今年以来，全市各级党组织坚持把学习贯彻党的创新理论作为首要政治任务，"
    "通过集中学习、专题研讨、调研走访等多种形式，推动理论学习往深里走、往心里走、往实里走。",
    "在学习过程中，各单位注重把理论学习同解决实际问题结合起来，"
    "聚焦群众急难愁盼问题，建立问题清单、责任清单和整改清单，切实以学促干。",
    "下一步，将继续完善常态化长效化学习机制，推动学习成果转化为推动发展的实际成效。",
)
TITLE = "全市深入推进理论学习走深走实"
SITE = "某某市人民政府门户网站"


def gov_page(title: str = TITLE, paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}_{SITE}</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2024-03-15 09:30">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav {{ color: red; }}</style>
</head><body>
<div class="header"><a href="/">首页</a> | <a href="/zwgk">政务公开</a>
 | <a href="/hdjl">互动交流</a> | <a href="/bsfw">办事服务</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt;
 <a href="/xw">新闻中心</a> &gt; 工作动态</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2024-03-15 09:30 来源：市委宣传部 浏览次数：1234
 字号：<a>大</a> <a>中</a> <a>小</a> <a href="javascript:window.print()">打印</a>
 <a href="javascript:window.close()">关闭窗口</a></div>
<div class="content" id="zoom">
{body}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<div class="footer"><p>主办单位：{SITE}办公室 联系电话：0000-12345678</p>
<p>网站标识码：1234000001 <a href="https://beian.miit.gov.cn">京ICP备12345678号-1</a></p>
<p><a>京公网安备 11010502000001号</a></p></div>
</body></html>"""


def wechat_page(title: str = TITLE, paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    body = "\n".join(
        f'<section><p style="text-indent:2em"><span>{p}</span></p></section>' for p in paragraphs
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<title>{title}</title>
<script>var ct = "1710466200"; var msg_title = "{title}";</script>
</head><body id="activity-detail">
<div class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">{title}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a>某某发布</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2024-03-15 09:30</em>
</div>
<div class="rich_media_content" id="js_content">
<section><p><span>点击蓝字 关注我们</span></p></section>
<section><p><span>来源：某某日报</span></p></section>
{body}
<section><p>END</p></section>
<section><p><span>来源：某某日报</span></p><p><span>编辑：张三</span></p>
<p><span>审核：李四</span></p></section>
<section><p>往期推荐</p></section>
<section><p><a>◆ 关于开展主题教育的通知</a></p><p><a>◆ 一图读懂年度工作要点</a></p></section>
<section><p>长按识别二维码关注我们</p></section>
<section><p>分享、点赞、点个在看，让更多人看到</p></section>
</div>
<div id="js_read_original"><a>阅读原文</a></div>
</div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
</body></html>"""
