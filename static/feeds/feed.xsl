<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an RSS feed of the dossier as a readable Dutch page when a browser opens it.
     Feed readers ignore this file. The result lives under the feed's Content-Security-Policy:
     no scripts and no inline styles, only the site's own stylesheet (linked by its plain,
     unhashed path: this file is static and cannot ask for the hashed name). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:variable name="feed-address" select="/rss/channel/atom:link[@rel='self']/@href"/>

  <xsl:template match="/">
    <html lang="nl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS-feed)</title>
        <link rel="stylesheet" href="/static/css/main.css"/>
      </head>
      <body class="feed-page">
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="feed-page__home" href="/">Kennisdossier Smart Society</a>
          </div>
        </header>
        <main id="main-content" class="container">
          <div class="feed-page__header">
            <p class="feed-page__label">RSS-feed</p>
            <h1><xsl:value-of select="/rss/channel/title"/></h1>
            <p><xsl:value-of select="/rss/channel/description"/></p>
          </div>
          <section class="feed-page__about" aria-labelledby="feed-about-heading">
            <h2 id="feed-about-heading">Wat is dit?</h2>
            <p>Dit is een RSS-feed. Kopieer het adres van deze pagina in uw feedlezer (een app of
              website die nieuwe berichten verzamelt). Dan ziet u daar vanzelf wat er nieuw is.</p>
            <xsl:if test="$feed-address">
              <p class="feed-page__address">Adres van deze feed: <code><xsl:value-of select="$feed-address"/></code></p>
            </xsl:if>
            <p>Geen feedlezer? <a href="/volgen/">Volg het dossier per e-mail</a>. U kiest zelf
              hoe vaak u een bericht krijgt.</p>
            <p><a href="{/rss/channel/link}">Naar de website</a></p>
          </section>
          <h2>Nieuwste berichten</h2>
          <xsl:choose>
            <xsl:when test="/rss/channel/item">
              <ul class="feed-page__items">
                <xsl:apply-templates select="/rss/channel/item"/>
              </ul>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty-state">Er staan nog geen berichten in deze feed.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li class="feed-page__item">
      <h3 class="feed-page__title"><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <xsl:if test="pubDate">
        <p class="feed-page__date"><xsl:call-template name="dutch-date">
          <xsl:with-param name="rfc822" select="normalize-space(pubDate)"/>
        </xsl:call-template></p>
      </xsl:if>
      <xsl:if test="normalize-space(description)">
        <p><xsl:call-template name="unescape">
          <xsl:with-param name="text" select="description"/>
        </xsl:call-template></p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- "Fri, 27 Nov 2026 10:00:00 +0100" (RFC 822, as the feed writes it) as
       <time datetime="2026-11-27">27 november 2026</time>. -->
  <xsl:template name="dutch-date">
    <xsl:param name="rfc822"/>
    <xsl:variable name="day" select="substring($rfc822, 6, 2)"/>
    <xsl:variable name="month" select="substring($rfc822, 9, 3)"/>
    <xsl:variable name="year" select="substring($rfc822, 13, 4)"/>
    <xsl:variable name="number" select="(string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $month)) div 3) + 1"/>
    <time datetime="{$year}-{format-number($number, '00')}-{$day}">
      <xsl:value-of select="number($day)"/>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$month = 'Jan'">januari</xsl:when>
        <xsl:when test="$month = 'Feb'">februari</xsl:when>
        <xsl:when test="$month = 'Mar'">maart</xsl:when>
        <xsl:when test="$month = 'Apr'">april</xsl:when>
        <xsl:when test="$month = 'May'">mei</xsl:when>
        <xsl:when test="$month = 'Jun'">juni</xsl:when>
        <xsl:when test="$month = 'Jul'">juli</xsl:when>
        <xsl:when test="$month = 'Aug'">augustus</xsl:when>
        <xsl:when test="$month = 'Sep'">september</xsl:when>
        <xsl:when test="$month = 'Oct'">oktober</xsl:when>
        <xsl:when test="$month = 'Nov'">november</xsl:when>
        <xsl:otherwise>december</xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$year"/>
    </time>
  </xsl:template>

  <!-- The feed's descriptions are HTML-escaped plain text (dossier/syndication.py): undo the
       escaping of &, < and > and write the result as text, so nothing in it becomes markup. -->
  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text">
            <xsl:call-template name="replace">
              <xsl:with-param name="text" select="$text"/>
              <xsl:with-param name="from" select="'&amp;lt;'"/>
              <xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/>
          <xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
