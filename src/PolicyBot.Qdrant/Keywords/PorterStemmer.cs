namespace PolicyBot.Qdrant.Keywords;

/// <summary>
/// Martin Porter's stemming algorithm (the reference implementation's rules, as used by SQLite's FTS5 <c>porter</c>
/// tokenizer). Only lower-case ASCII words of three or more letters are stemmed; anything else is returned unchanged.
/// </summary>
internal sealed class PorterStemmer
{
    private readonly char[] _b;
    private int _j;
    private int _k;

    private PorterStemmer(string word)
    {
        _b = word.ToCharArray();
        _k = _b.Length - 1;
    }

    public static string Stem(string word)
    {
        // FTS5 passes tokens shorter than three characters through unchanged.
        if (word.Length < 3 || word.Length > 64 || !IsLowerAscii(word)) return word;
        var stemmer = new PorterStemmer(word);
        stemmer.Step1Ab();
        stemmer.Step1C();
        stemmer.Step2();
        stemmer.Step3();
        stemmer.Step4();
        stemmer.Step5();
        return new string(stemmer._b, 0, stemmer._k + 1);
    }

    private static bool IsLowerAscii(string word)
    {
        foreach (var c in word) if (c is < 'a' or > 'z') return false;
        return true;
    }

    // True when b[i] is a consonant; 'y' is a consonant at the start or after a vowel.
    private bool Cons(int i) => _b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !Cons(i - 1),
        _ => true,
    };

    // The number of VC sequences in b[0..j].
    private int M()
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > _j) return n;
            if (!Cons(i)) break;
            i++;
        }
        i++;
        while (true)
        {
            while (true)
            {
                if (i > _j) return n;
                if (Cons(i)) break;
                i++;
            }
            i++;
            n++;
            while (true)
            {
                if (i > _j) return n;
                if (!Cons(i)) break;
                i++;
            }
            i++;
        }
    }

    private bool VowelInStem()
    {
        for (var i = 0; i <= _j; i++) if (!Cons(i)) return true;
        return false;
    }

    private bool DoubleC(int j) => j >= 1 && _b[j] == _b[j - 1] && Cons(j);

    // consonant-vowel-consonant ending at i, where the last consonant is not w, x or y.
    private bool Cvc(int i)
    {
        if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2)) return false;
        return _b[i] is not ('w' or 'x' or 'y');
    }

    private bool Ends(string s)
    {
        var length = s.Length;
        var offset = _k - length + 1;
        if (offset < 0) return false;
        for (var i = 0; i < length; i++) if (_b[offset + i] != s[i]) return false;
        _j = _k - length;
        return true;
    }

    private void SetTo(string s)
    {
        var offset = _j + 1;
        for (var i = 0; i < s.Length; i++) _b[offset + i] = s[i];
        _k = _j + s.Length;
    }

    private void R(string s)
    {
        if (M() > 0) SetTo(s);
    }

    // Plurals and -ed / -ing.
    private void Step1Ab()
    {
        if (_b[_k] == 's')
        {
            if (Ends("sses")) _k -= 2;
            else if (Ends("ies")) SetTo("i");
            else if (_b[_k - 1] != 's') _k--;
        }
        if (Ends("eed"))
        {
            if (M() > 0) _k--;
        }
        else if ((Ends("ed") || Ends("ing")) && VowelInStem())
        {
            _k = _j;
            if (Ends("at")) SetTo("ate");
            else if (Ends("bl")) SetTo("ble");
            else if (Ends("iz")) SetTo("ize");
            else if (DoubleC(_k))
            {
                _k--;
                if (_b[_k] is 'l' or 's' or 'z') _k++;
            }
            else if (M() == 1 && Cvc(_k))
            {
                SetTo("e");
            }
        }
    }

    // Terminal y to i when there is another vowel in the stem.
    private void Step1C()
    {
        if (Ends("y") && VowelInStem()) _b[_k] = 'i';
    }

    // Double suffixes to single ones.
    private void Step2()
    {
        if (_k == 0) return;
        switch (_b[_k - 1])
        {
            case 'a': if (Ends("ational")) R("ate"); else if (Ends("tional")) R("tion"); break;
            case 'c': if (Ends("enci")) R("ence"); else if (Ends("anci")) R("ance"); break;
            case 'e': if (Ends("izer")) R("ize"); break;
            case 'l':
                if (Ends("bli")) R("ble");
                else if (Ends("alli")) R("al");
                else if (Ends("entli")) R("ent");
                else if (Ends("eli")) R("e");
                else if (Ends("ousli")) R("ous");
                break;
            case 'o': if (Ends("ization")) R("ize"); else if (Ends("ation")) R("ate"); else if (Ends("ator")) R("ate"); break;
            case 's':
                if (Ends("alism")) R("al");
                else if (Ends("iveness")) R("ive");
                else if (Ends("fulness")) R("ful");
                else if (Ends("ousness")) R("ous");
                break;
            case 't': if (Ends("aliti")) R("al"); else if (Ends("iviti")) R("ive"); else if (Ends("biliti")) R("ble"); break;
            case 'g': if (Ends("logi")) R("log"); break;
        }
    }

    // -ic-, -full, -ness etc.
    private void Step3()
    {
        switch (_b[_k])
        {
            case 'e': if (Ends("icate")) R("ic"); else if (Ends("ative")) R(""); else if (Ends("alize")) R("al"); break;
            case 'i': if (Ends("iciti")) R("ic"); break;
            case 'l': if (Ends("ical")) R("ic"); else if (Ends("ful")) R(""); break;
            case 's': if (Ends("ness")) R(""); break;
        }
    }

    // -ant, -ence etc. in context <c>vcvc<v>.
    private void Step4()
    {
        if (_k == 0) return;
        var found = _b[_k - 1] switch
        {
            'a' => Ends("al"),
            'c' => Ends("ance") || Ends("ence"),
            'e' => Ends("er"),
            'i' => Ends("ic"),
            'l' => Ends("able") || Ends("ible"),
            'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
            'o' => (Ends("ion") && _j >= 0 && _b[_j] is 's' or 't') || Ends("ou"),
            's' => Ends("ism"),
            't' => Ends("ate") || Ends("iti"),
            'u' => Ends("ous"),
            'v' => Ends("ive"),
            'z' => Ends("ize"),
            _ => false,
        };
        if (found && M() > 1) _k = _j;
    }

    // A final -e, and -ll to -l, when m() > 1.
    private void Step5()
    {
        _j = _k;
        if (_b[_k] == 'e')
        {
            var m = M();
            if (m > 1 || (m == 1 && !Cvc(_k - 1))) _k--;
        }
        if (_b[_k] == 'l' && DoubleC(_k) && M() > 1) _k--;
    }
}
